"""Comments that `import`, `new` and `migrate` write into specs follow the language of messages.

The markers `# review:`, `# not placed (…):` and `# TODO:` stay the same in both languages (tools
and people search for them); the text after them is translated, and spec syntax quoted in them is
in the keyword set of the spec written.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path

import pytest

from plandsl.core.i18n import set_language
from plandsl.language.parser import parse_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def _seed(prefix: str) -> str:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip("needs the seed corpus in ../shared/seeds")
    return str(found[0])


@contextmanager
def messages(lang: str):
    set_language(lang)
    try:
        yield
    finally:
        set_language(None)


def _comments(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip().startswith("#")]


def test_import_comments_are_vietnamese_by_message_language():
    from plandsl.importer import import_document

    with messages("vi"):
        vi = import_document(_seed("002")).text  # the Lạng Sơn page: junk lines not placed
        vi3 = import_document(_seed("003")).text  # Hà Nam: no number, no comparator
    with messages("en"):
        en = import_document(_seed("002")).text
        en3 = import_document(_seed("003")).text
    assert vi.startswith("# Nhập bằng `plandsl import` từ ") and "bản dự thảo" in vi.split("\n")[0]
    assert en.startswith("# Imported by `plandsl import` from ")
    # Where each statement came from: "dòng N" / "line N".
    assert re.search(r"# dòng \d+$", vi, re.M) and not re.search(r"# line \d+$", vi, re.M)
    assert re.search(r"# line \d+$", en, re.M)
    # The markers are the same in both; what follows them is in the language of messages.
    assert "# review: văn bản không ghi mức so sánh; hiểu là 'tối thiểu'" in vi3
    assert "# review: no comparator written; 'at least' assumed" in en3
    placed_vi = [c for c in _comments(vi) if c.startswith("# not placed (")]
    assert placed_vi and all(c.startswith("# not placed (dòng ") for c in placed_vi)
    assert all(c.startswith("# not placed (line ") for c in _comments(en) if c.startswith("# not placed ("))
    # The syntax a comment quotes is in the draft's keyword set (Vietnamese by default).
    assert "# review: văn bản không ghi số và ngày ban hành: chưa ghi `văn_bản`" in vi3
    assert "`instrument`" not in vi3
    for text in (vi, en, vi3, en3):
        assert parse_text(text, "kh.plan").plan is not None


def test_import_review_quotes_syntax_in_the_drafts_keyword_set():
    from plandsl.importer import import_document

    with messages("vi"):
        en_kw = import_document(_seed("003"), keywords="en").text
    assert "# review: văn bản không ghi số và ngày ban hành: chưa ghi `instrument`" in en_kw


@pytest.mark.parametrize("keywords", ["vi", "en"])
def test_new_writes_its_comments_in_the_language_of_messages(tmp_path, keywords):
    from plandsl.cli import main

    parent = tmp_path / "specs" / "nat.plan"
    parent.parent.mkdir()
    parent.write_text('plan nat {\n  title "Chương trình X giai đoạn 2021-2030"\n  level national\n'
                      '  jurisdiction "Việt Nam"\n  instrument "112/QĐ-TTg" dated 2021-01-22\n  period 2021..2030\n'
                      '  objective o1 {\n    unit %\n    direction up\n    target 2025 >= 50%\n  }\n}\n', "utf-8")
    out = tmp_path / "gl.plan"
    assert main(["--messages", "vi", "new", str(parent.parent), "--from", "nat", "--level", "province",
                 "--jurisdiction", "Tỉnh Gia Lai", "--keywords", keywords, "-o", str(out)]) == 0
    text = out.read_text("utf-8")
    comments = _comments(text)
    assert comments[0] == "# Tạo khung bằng `plandsl new --from nat`: bản nháp để biên soạn, chưa phải kế hoạch."
    adopt, instrument = ("`áp_dụng ID`", "văn_bản") if keywords == "vi" else ("`adopt ID`", "instrument")
    assert adopt in " ".join(comments)
    assert f'# TODO: {instrument} "…/KH-UBND"' in text and "(số và ngày của kế hoạch này)" in text
    assert not any(w in " ".join(comments) for w in ("Scaffolded", "Objectives repeat", "the number and date"))
    assert parse_text(text, "gl.plan").plan.lang == keywords


def test_migrate_review_notes_follow_the_language_of_messages(tmp_path):
    from plandsl.migrate.run import migrate
    from plandsl.migrate.output import spec_text
    from test_migrate import NATIONAL, ON, _province

    (tmp_path / "nat.plan").write_text(NATIONAL, encoding="utf-8")
    (tmp_path / "kt.plan").write_text(_province("kt", "Tỉnh Kon Tum", "62", {"o": [("p1", "40"), ("p2", "70")]}),
                                      encoding="utf-8")
    (tmp_path / "qn.plan").write_text(_province("qn", "Tỉnh Quảng Ngãi", "51", {"o": [("p1", "50"), ("p2", "60")]}),
                                      encoding="utf-8")
    with messages("vi"):
        result = migrate([str(tmp_path)], ON)
        d = next(x for x in result.drafts if len(x.sources) == 2)
        text = spec_text(d)
        notes = [c.note for c in d.changes if c.note]
    assert "# review: đề xuất ≥ 70% (mức cao nhất); từ" in text
    assert "các tỉnh cũ hợp nhất thành một tỉnh" in notes
    with messages("en"):
        result = migrate([str(tmp_path)], ON)
        d = next(x for x in result.drafts if len(x.sources) == 2)
        notes = [c.note for c in d.changes if c.note]
    assert "the old provinces merged into one" in notes
    assert not any("của các kế hoạch cũ" in n for n in notes)
