"""What a Vietnamese user reads from the commands, in the default language (Vietnamese)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plandsl.cli import main

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"


@pytest.fixture
def run(capsys):
    def run(*args: str, lang: str = "vi") -> str:
        capsys.readouterr()
        main(["--messages", lang, *args])
        return capsys.readouterr().out

    return run


@pytest.mark.skipif(not (SPECS / "ctxh-2021-2030").exists(), reason="needs specs/")
def test_graph_tree_names_levels_in_the_language_of_messages(run):
    vi = run("graph", str(SPECS / "ctxh-2021-2030")).splitlines()
    assert vi[0] == "ctxh_112 (quốc gia, 112/QĐ-TTg, 2021-2030)"
    assert "├── anlao_ctxh_2021 (huyện, 57/KH-UBND, 2021-2025)" in vi
    assert "└── qng_ctxh_2021 (tỉnh, 255/QĐ-UBND, 2021-2030)" in vi
    en = run("graph", str(SPECS / "ctxh-2021-2030"), lang="en").splitlines()
    assert en[0] == "ctxh_112 (national, 112/QĐ-TTg, 2021-2030)"


# Common English words: any of them in a Vietnamese help text, outside option names, choices,
# metavars, `code` and example command lines, is English left untranslated.
ENGLISH = set("""
a the and or of to on at by for from with without into onto as is are be been was were it its this
that these those which who what when where why how not yes all any each every one only also than then
there here if else but do does did done can cannot may must should will would use used using show shows
shown print prints write writes written read reads give given make makes set sets see list lists run runs
file files folder folders path paths plan plans spec specs target targets objective objectives task tasks
agency agencies rule rules code codes message messages language output input format default required usage
options option commands command arguments argument exit version help error errors warning warnings note
notes check checks document documents draft drafts report reports value values name names level levels
date dates year years page pages line lines text number numbers new old first last other others same more
most less least instead before after until since between over under again each both either neither
deprecated dynamic missing invalid choose choice such example e.g. i.e.
""".split())


def _prose(text: str) -> str:
    """A help text without what is not prose: option names, [choices], metavars, `code`, examples."""
    out = []
    for line in text.splitlines():
        if line.strip().startswith(("plandsl ", "$ ", "Cách dùng:")):
            continue  # an example command line, the usage line
        line = re.sub(r"`[^`]*`", " ", line)
        line = re.sub(r"\[[^\]\s]*\|[^\]]*\]", " ", line)  # [vi|en] choices
        line = re.sub(r"(?<!\w)--?[\w-]+", " ", line)  # --option, -o
        line = re.sub(r"\b[A-Z][A-Z_]{1,}\b", " ", line)  # PATHS, PLAN_ID, TEXT
        line = re.sub(r"\S*\.(?:plan|docx|pdf|md|html|toml|xlsx|csv|json|py)\b|\S*/\S*", " ", line)
        out.append(line)
    return "\n".join(out)


def _all_commands() -> list[list[str]]:
    import click

    from plandsl.cli import COMMANDS, cli

    out: list[list[str]] = [[]]
    ctx = click.Context(cli)
    for name in sorted(COMMANDS):
        out.append([name])
        command = cli.get_command(ctx, name)
        for sub in sorted(getattr(command, "commands", {})):
            out.append([name, sub])
    return out


@pytest.mark.parametrize("args", _all_commands(), ids=lambda a: " ".join(a) or "plandsl")
def test_every_help_in_vietnamese_has_no_english_sentence(run, args):
    text = run(*args, "--help")
    assert "Tùy chọn" in text or "Lệnh" in text, text
    words = [w for w in re.findall(r"[^\W\d_]+", _prose(text)) if w.isascii()]  # Vietnamese words whole
    # Names, not prose: the values of [a|b|c] choices (also in "[mặc định: both]"), the commands and
    # sub-commands listed, and "VS Code".
    names = {w for choice in re.findall(r"\[([^\]\s]*\|[^\]]*)\]", text) for w in choice.split("|")}
    names |= {m.group(1) for m in re.finditer(r"^  ([a-z]+)  ", text, re.M)} | {"Code"}
    english = sorted({w for w in words if w.lower() in ENGLISH and w not in names})
    assert english == [], f"{' '.join(args)} --help:\n{text}"


def test_click_required_and_default_marks_are_translated(run):
    text = run("new", "--help")
    assert "[bắt buộc]" in text and "[required]" not in text
    assert "[mặc định:" in run("graph", "--help")
    english = run("new", "--help", lang="en")
    assert "[required]" in english and "Usage:" in english


def test_rules_list_shows_severities_as_check_prints_them(run):
    vi = run("rules").splitlines()
    assert vi[0].startswith("AG001  cảnh báo  agencies.no-lead")
    assert run("rules", "AM001").startswith("AM001 ambition.weaker-target (mặc định: lỗi)")
    assert run("rules", lang="en").splitlines()[0].startswith("AG001  warning  agencies.no-lead")


@pytest.mark.skipif(not (SPECS / "ctxh-2021-2030").exists(), reason="needs specs/")
def test_migration_report_headings_and_kinds_are_vietnamese(run):
    text = run("migrate", str(SPECS), "--dry-run", "--districts", "split")
    assert text.startswith("# Chuyển đổi theo bản đồ hành chính ngày 01/07/2025")
    assert "| kế hoạch | tình trạng | dự thảo |" in text and "| thay đổi | cũ | mới | văn bản | vị trí |" in text
    assert "**Cần rà soát:**" in text and "To review" not in text
    assert "| cấp (cấp huyện kết thúc hoạt động từ 30/6/2025" in text
    english = run("migrate", str(SPECS), "--dry-run", "--districts", "split", lang="en")
    assert english.startswith("# Migration onto the map of 01/07/2025") and "**To review:**" in english
    assert "chủ trì;" not in english and "cơ quan kế thừa" not in english


def test_no_message_is_marked_inside_an_f_string():
    """Babel does not extract `_('…')` written inside an f-string: such a text is never translated."""
    src = ROOT / "src" / "plandsl"
    found = []
    for path in src.rglob("*.py"):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if re.search(r"""\bf(["']).*\{_\((["'])""", line):
                found.append(f"{path.relative_to(src)}:{n}: {line.strip()}")
    assert found == []


def test_help_option_follows_a_language_switch_in_one_process(run):
    """Click keeps a command's --help option once made: after an English run, Vietnamese help
    must not keep "Show this message and exit." (the full suite found it)."""
    assert "Show this message and exit." in run("check", "--help", lang="en")
    vi = run("check", "--help")
    assert "Hiện hướng dẫn này rồi thoát." in vi and "Show this message" not in vi


def test_click_choice_and_date_format_errors_are_translated(run, capsys):
    """A missing option with choices, and a date in the wrong format (found by the sweep)."""
    assert main(["--messages", "vi", "new", "--from", "ctxh_112", str(SPECS)]) == 2
    err = capsys.readouterr().err
    assert "Thiếu tùy chọn '--level'. Chọn một trong:" in err and "Choose from" not in err
    assert main(["--messages", "vi", "explain", "qng_ctxh_2021", str(SPECS), "--on", "2025-02-30"]) == 2
    err = capsys.readouterr().err
    assert "'2025-02-30' không đúng định dạng '%Y-%m-%d'." in err and "does not match" not in err
    assert main(["--messages", "en", "new", "--from", "ctxh_112", str(SPECS)]) == 2
    assert "Choose from:" in capsys.readouterr().err


def test_web_editor_gets_its_search_and_findings_words_in_the_page_language(tmp_path):
    """CodeMirror's own words (Ctrl+F panel, go to line, findings list) come from the catalog."""
    import json
    import shutil
    import warnings

    pytest.importorskip("starlette")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from plandsl.web.app import create_app
    from plandsl.web.strings import EDITOR_PHRASES

    shutil.copytree(SPECS / "ctxh-2021-2030", tmp_path / "specs")
    client = TestClient(create_app([str(tmp_path / "specs")], edit=True, allowed_hosts=["testserver"], lang="vi"))

    def config(lang: str) -> dict:
        page = client.get(f"/edit/quang-ngai.plan?lang={lang}").text
        found = re.search(r'<script id="editor-config" type="application/json">(.*?)</script>', page, re.S)
        return json.loads(found.group(1))

    phrases = config("vi")["phrases"]
    assert set(phrases) == set(EDITOR_PHRASES)
    assert phrases["Find"] == "Tìm" and phrases["replace all"] == "thay tất cả"
    assert phrases["replaced $ matches"].count("$") == 1
    assert config("en")["phrases"] == {}  # CodeMirror's own English
    bundle = (ROOT / "src" / "plandsl" / "web" / "static" / "editor.js").read_text("utf-8")
    assert ".phrases.of(" in bundle and "phrases||{}" in bundle  # the vendored bundle uses them
    assert set(re.findall(r'phrase\("([^"]+)"', bundle)) <= set(EDITOR_PHRASES)  # and asks for no other


def test_reading_errors_of_a_spec_are_vietnamese(tmp_path, capsys):
    """A spec in Windows-1258, one in decomposed accents, a folder with no spec (found by the sweep)."""
    import unicodedata

    (tmp_path / "cp1258.plan").write_bytes("plan x {\n  title \"Đơn ươc\"\n}\n".encode("cp1258"))
    (tmp_path / "nfd.plan").write_text(unicodedata.normalize("NFD", "plan y {\n  title \"Kế hoạch\"\n}\n"), "utf-8")
    (tmp_path / "empty").mkdir()
    main(["--messages", "vi", "check", str(tmp_path / "cp1258.plan"), str(tmp_path / "nfd.plan")])
    out = capsys.readouterr().out
    assert "lỗi PRS002: tệp không đúng bảng mã UTF-8 (không đọc được byte 0x" in out
    assert "gợi ý: Tệp có vẻ dùng bảng mã Windows-1258 (tiếng Việt). Lưu tệp ở bảng mã UTF-8" in out
    assert "cảnh báo PRS004: văn bản không ở dạng Unicode NFC" in out and "Chạy `plandsl fmt`" in out
    main(["--messages", "vi", "check", str(tmp_path / "empty")])
    out = capsys.readouterr().out
    assert "lỗi PRS005: không tìm thấy tệp đặc tả *.plan nào" in out and "Hãy chỉ cho plandsl thư mục" in out
    main(["--messages", "en", "check", str(tmp_path / "cp1258.plan")])
    assert "the file is not valid UTF-8 (byte 0x" in capsys.readouterr().out


def test_os_reasons_follow_the_language_of_messages():
    import errno

    from plandsl.core.fsutil import os_reason
    from plandsl.core.i18n import set_language

    set_language("vi")
    assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == "không có quyền truy cập"
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "ổ đĩa đã đầy"
    assert os_reason(OSError(errno.EPROTO, "Protocol error")) == "Protocol error"  # not one planners meet
    set_language("en")
    assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == "permission denied"


@pytest.mark.skipif(not (SPECS / "ctxh-2021-2030").exists(), reason="needs specs/")
def test_progress_names_reporting_cycles_and_notes_in_the_language_of_messages(run):
    args = ("progress", "anlao_ctxh_2021", str(SPECS), "--actuals", str(SPECS / "actuals"), "--on", "2026-12-01")
    vi = run(*args)
    assert "  sáu tháng 2026-07..12 → " in vi and "  hằng năm 2026 → " in vi
    assert "  giữa kỳ p1 2021-2025 → " in vi and "[cuối giai đoạn]" in vi and "  đột xuất - → " in vi
    assert "annual" not in vi and "the end of" not in vi and "when asked" not in vi
    en = run(*args, lang="en")
    assert "  semiannual 2026-07..12 → " in en and "[the end of the phase]" in en and "  ad hoc - → " in en


def test_related_locations_of_phase_findings_are_translated(tmp_path, run):
    (tmp_path / "p.plan").write_text("plan p {\n  level province\n  period 2021..2025\n  phase p1 2021..2025\n"
                                     "  phase p2 2026..2030\n}\n", "utf-8")
    vi = run("check", str(tmp_path))
    assert "thời kỳ của kế hoạch" in vi and "the plan's period" not in vi


def test_a_missing_path_reads_as_a_sentence(capsys):
    """Click title-cases the noun ("Path 'x' does not exist."): "Đường dẫn", not "Đường Dẫn"."""
    assert main(["--messages", "vi", "progress", "qng_ctxh_2021", str(SPECS), "--actuals", "missing.csv"]) == 2
    assert "Đường dẫn 'missing.csv' không tồn tại." in capsys.readouterr().err
    assert main(["--messages", "en", "progress", "qng_ctxh_2021", str(SPECS), "--actuals", "missing.csv"]) == 2
    assert "Path 'missing.csv' does not exist." in capsys.readouterr().err


def test_syntax_error_lists_what_was_expected_in_vietnamese(tmp_path, capsys):
    spec = tmp_path / "x.plan"
    spec.write_text("kế_hoạch x {\n  mục_tiêu a {\n    chỉ_tiêu 2025 >= \n  }\n}\n", "utf-8")
    for lang, word, other in (("vi", "'+' hoặc '-'", " or "), ("en", "'+' or '-'", " hoặc ")):
        capsys.readouterr()
        main(["--messages", lang, "check", str(spec), "--no-cache"])
        line = next(ln for ln in capsys.readouterr().out.splitlines() if "PRS100" in ln)
        assert word in line and other not in line, line


def test_unknown_value_lists_the_values_in_the_keyword_set_of_the_spec():
    from plandsl.language.parser import parse_text

    vi = parse_text("kế_hoạch x {\n  cấp tỉnhh\n}\n").diagnostics[0]
    en = parse_text("plan x {\n  level provincee\n}\n").diagnostics[0]
    assert vi.code == en.code == "PRS120"
    assert "quốc_gia, bộ, tỉnh, huyện, xã" in vi.message
    assert "national, ministry, province, district, commune" in en.message
    assert "quốc_gia" not in en.message and "national" not in vi.message
