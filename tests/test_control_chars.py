"""Issue 17 item 6: control characters are flagged (TX004), never reach a document or the terminal,
and spec text makes no Markdown links."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from plandsl.cli import main
from plandsl.core.safetext import CONTROL, clean, control_chars, printable, strip_controls

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ctxh"
PLAN = "qn_ctxh_2021"
HOSTILE = "[x](javascript:alert(1)) ![i](javascript:alert(2)) <b>b</b> \x1b[31mRED\x07 \x00\x0c\u202eevil\u202c "


def test_helpers():
    assert control_chars("a\x1bb\tc\nd\u202e") == [(1, "\x1b"), (7, "\u202e")]
    assert strip_controls("a\x1b[31mb\x07\tc\n\x00\x85\u2066") == "a[31mb\tc\n"
    shown = printable("a\x1bb\x00\tc\x7f\u202e")
    assert shown == "a\u241bb\u2400 c\u2421\ufffd" and len(shown) == len("a\x1bb\x00\tc\x7f\u202e")
    assert clean({"a": ["x\x1b", ("y\x07", 3)], "b\x00": None}) == {"a": ["x", ("y", 3)], "b": None}


@pytest.fixture
def hostile_specs(tmp_path):
    specs = tmp_path / "specs"
    shutil.copytree(FIXTURES, specs)
    spec = specs / "quang-ngai.plan"
    text = spec.read_text("utf-8")
    assert 'title "Kế hoạch thực hiện' in text
    spec.write_text(text.replace('title "Kế hoạch thực hiện', f'title "Kế hoạch {HOSTILE}thực hiện', 1), "utf-8")
    return specs


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_renderers_strip_control_characters(hostile_specs, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    assert main(["render", PLAN, str(hostile_specs), "--format", fmt, "-o", str(out)]) == 0
    data = out.read_bytes()
    if fmt == "docx":
        docx = pytest.importorskip("docx")
        document = docx.Document(io.BytesIO(data))
        text = "\n".join(p.text for p in document.paragraphs)
        text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert "RED" in text and "evil" in text
    else:
        text = data.decode("utf-8")
        assert "RED" in text
    assert not CONTROL.search(text.replace("\r", "")), [hex(ord(c)) for c in CONTROL.findall(text)]


def test_markdown_makes_no_link_from_spec_text(hostile_specs, capfd):
    assert main(["render", PLAN, str(hostile_specs), "--format", "md", "-o", "-"]) == 0
    md = capfd.readouterr().out
    assert "javascript:alert(1)" in md  # the text is kept ...
    assert not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(", md)  # ... but no [text](target) is left unescaped
    assert "<b>" not in md and "\x1b" not in md


def test_check_flags_and_never_prints_control_characters(hostile_specs, capfd):
    assert main(["check", str(hostile_specs / "quang-ngai.plan"), str(hostile_specs)]) == 1
    out = capfd.readouterr()
    text = out.out + out.err
    assert "TX004" in text and "U+001B" in text
    assert "\x1b" not in text and "\x07" not in text and "\x00" not in text and "\u202e" not in text
    assert "\u241b" in text  # ESC shown as a visible symbol in the excerpt


def test_a_long_line_shows_a_window_under_the_caret(tmp_path, capfd):
    spec = tmp_path / "long.plan"
    spec.write_text('plan p {\n  level province\n  period 2021..2025\n  general "' + "a " * 50_000 + 'x\x1by"\n}\n',
                    "utf-8")
    main(["check", str(spec)])
    out = capfd.readouterr().out
    line = next(ln for ln in out.splitlines() if ln.lstrip().startswith("4 |"))
    caret = out.splitlines()[out.splitlines().index(line) + 1]
    assert len(line) < 200 and "\u241b" in line
    assert line[caret.index("^")] == "\u241b"  # the caret points at the ESC shown in the window


def test_explain_and_graph_never_print_control_characters(tmp_path, monkeypatch, capfd):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "nat.plan").write_text(
        'plan nat {\n  level national\n  period 2021..2025\n  instrument "112\x1b]0;pwned\x07/QĐ-TTg" dated 2021-01-22\n'
        '  objective trained { text "Đào tạo\x1b[2J" unit % direction up target 2025 >= 60% }\n}\n', "utf-8")
    assert main(["graph", "specs"]) == 0
    assert main(["explain", "nat", "specs"]) == 0
    out = capfd.readouterr().out
    assert "112" in out and "\x1b" not in out and "\x07" not in out and "\u241b" in out
    assert printable("a\x1b\nb", keep_newlines=True) == "a\u241b\nb"


def test_fmt_diff_never_prints_control_characters(tmp_path, capfd):
    spec = tmp_path / "p.plan"
    spec.write_text('plan   p {\n  title "a\x1b[2Jb"\n level province\n  period 2021..2025\n}\n', "utf-8")
    assert main(["fmt", "--diff", str(spec)]) == 1
    out = capfd.readouterr().out
    assert "+plan p {" in out and "\x1b" not in out and "a\u241b[2Jb" in out


def test_a_title_longer_than_words_property_limit_renders_docx(hostile_specs, tmp_path):
    docx = pytest.importorskip("docx")
    spec = hostile_specs / "quang-ngai.plan"
    spec.write_text(spec.read_text("utf-8").replace('title "Kế hoạch ', 'title "Kế hoạch ' + "rất dài " * 60, 1), "utf-8")
    out = tmp_path / "long.docx"
    assert main(["render", PLAN, str(hostile_specs), "-o", str(out)]) == 0
    props = docx.Document(str(out)).core_properties
    assert len(props.title) <= 255 and props.title.endswith("…")


def test_the_printable_shortcut_of_tx004_is_exact():
    """TX004 skips a spec whose text is printable but for its newlines and tabs: every character CONTROL
    matches is unprintable, over all code points, so such a text holds none."""
    import sys

    from plandsl.rules.controls import may_hold_control

    matched = [c for c in map(chr, range(sys.maxunicode + 1)) if CONTROL.match(c)]
    assert len(matched) > 2000 and not any(c.isprintable() for c in matched)
    assert not may_hold_control("Nâng cao năng lực\n\tcông tác xã hội “Đề án”\n")
    for c in ("\x1b", "\x00", "\x85", "\u202e", "\u2028", "\ufffe", "\x0c", "\r"):
        assert may_hold_control(f"Nâng cao\n{c}năng lực")
    assert not may_hold_control("a\u00a0b\u200bc")  # unprintable, yet not a control character: searched
