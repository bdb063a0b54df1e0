"""The web workspace (plandsl serve / plandsl site) through Starlette's TestClient:
pages and status codes, exports, downloads, the editor's writes, and the safety rules
(token, CSRF, Host, read-only, path confinement, escaping, bad input)."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")

import warnings  # noqa: E402

with warnings.catch_warnings():  # starlette >= 1.0 prefers httpx2; httpx still works
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from conftest import SPECS  # noqa: E402
from plandsl.web.app import create_app  # noqa: E402

HOSTILE = "<script>alert('x')</script> &amp; <img src=x onerror=alert(1)>"


@pytest.fixture
def specs_copy(tmp_path):
    target = tmp_path / "specs"
    shutil.copytree(SPECS, target)
    return target


def client(roots, **options) -> TestClient:
    options.setdefault("allowed_hosts", ["testserver"])
    options.setdefault("lang", "vi")
    return TestClient(create_app([str(r) for r in roots], **options), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def ro():
    return client([SPECS])


@pytest.fixture
def rw(specs_copy):
    c = client([specs_copy], edit=True)
    c.csrf = c.app.state.settings.csrf
    c.root = specs_copy
    return c


# ------------------------------------------------------------------ pages


def test_tree_lists_the_seeds_with_status(ro):
    r = ro.get("/")
    assert r.status_code == 200
    for pid in ("ctxh_112", "qng_ctxh_2021", "anlao_ctxh_2021", "de_an_32", "tgxh_488", "vlg_tgxh_2018"):
        assert f'data-plan="{pid}"' in r.text
    assert "Cây kế thừa" in r.text  # Vietnamese by default
    row = re.search(r'data-plan="anlao_ctxh_2021".*?</li>', r.text, re.S).group(0)
    assert "4 chỉ tiêu thấp hơn cấp trên" in row and "4 lỗi" in row


def test_big_trees_load_lower_levels_on_demand(monkeypatch):
    from plandsl.web import app as web_app

    monkeypatch.setattr(web_app, "FULL_TREE", 0)
    c = client([SPECS])
    home = c.get("/").text
    assert 'hx-get="/tree/ctxh_112"' not in home  # the roots' children are there
    assert 'data-plan="qng_ctxh_2021"' in home
    assert 'hx-get="/tree/kh_1305"' in home and 'data-plan="ls_ctxh_2011"' not in home
    part = c.get("/tree/kh_1305")
    assert part.status_code == 200 and 'data-plan="ls_ctxh_2011"' in part.text
    assert c.get("/tree/nothing").status_code == 404


def test_search_ignores_diacritics(ro):
    r = ro.get("/search", params={"q": "quang ngai"})
    assert r.status_code == 200
    assert "qng_ctxh_2021" in r.text and "anlao_ctxh_2021" not in r.text
    assert "anlao_ctxh_2021" in ro.get("/search", params={"q": "57/KH"}).text  # instrument number
    assert "qng_ctxh_2021" in ro.get("/", params={"q": "QUẢNG"}).text
    assert "Không có kế hoạch nào phù hợp" in ro.get("/search", params={"q": "zzz"}).text


def test_english_with_lang_parameter(ro):
    r = ro.get("/plans/anlao_ctxh_2021", params={"lang": "en"})
    assert r.status_code == 200
    assert "Objectives and targets" in r.text and "Mục tiêu và chỉ tiêu" not in r.text
    assert 'href="/?lang=en"' in r.text  # links keep the language


def test_plan_page_shows_provenance_parent_values_findings_and_tasks(ro):
    r = ro.get("/plans/qng_ctxh_2021", params={"lang": "en"})
    assert r.status_code == 200
    text = r.text
    assert "255/QĐ-UBND" in text
    assert "AM001" in text and "target for &#39;staffing&#39; in 2025" in text
    assert "≥ 60% <span class=\"muted\">(ctxh_112)</span>" in text  # the parent's value beside
    assert "prov-adapted" in text
    assert "Raise it to at least the parent" in text  # the hint
    assert "target p1 &gt;= 50%" in text  # the source excerpt
    assert "Lead agency" in text
    assert 'href="/plans/ctxh_112?lang=en"' in text  # the graph around the plan
    for fmt in ("docx", "html", "md"):
        assert f'href="/plans/qng_ctxh_2021.{fmt}?lang=en"' in text


def test_tasks_show_lead_and_support_agencies(ro):
    text = ro.get("/plans/ls_ctxh_2011").text
    assert "Cơ quan chủ trì" in text and "Cơ quan phối hợp" in text
    row = re.search(r"<tr>.{0,600}Sở Thông tin và Truyền thông.*?</tr>", text, re.S).group(0)
    assert "các cơ quan truyền thông" in row


def test_adopted_targets_show_where_they_come_from(ro):
    r = ro.get("/plans/kh_1305", params={"lang": "en"})
    assert r.status_code == 200
    assert "prov-adopted" in r.text and "set by" in r.text


def test_unknown_plan_is_a_404_with_a_suggestion(ro):
    r = ro.get("/plans/qng_ctxh_2012")
    assert r.status_code == 404
    assert "qng_ctxh_2021" in r.text
    assert ro.get("/plans/qng_ctxh_2021.exe").status_code == 404
    assert ro.get("/matrix/nothing").status_code == 404


# ------------------------------------------------------------------ matrix


def test_matrix_marks_an_lao_weaker_targets(ro):
    r = ro.get("/matrix/ctxh_112")
    assert r.status_code == 200
    row = re.search(r'<tr data-plan="anlao_ctxh_2021">.*?</tr>', r.text, re.S).group(0)
    assert row.count('data-status="weaker"') == 4
    assert 'href="/plans/anlao_ctxh_2021#f-' in row  # cells link to the finding
    qng = re.search(r'<tr data-plan="qng_ctxh_2021">.*?</tr>', r.text, re.S).group(0)
    assert qng.count('data-status="weaker"') == 2


def test_matrix_csv_has_one_row_per_child_and_value_status_cells(ro):
    r = ro.get("/matrix/ctxh_112.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header[:2] == ["plan_id", "plan"] and "staffing@p1" in header and "children@p2" in header
    assert sorted(row[0] for row in body) == ["anlao_ctxh_2021", "qng_ctxh_2021"]
    statuses = {"weaker", "equal", "stronger", "waived", "dropped", "adopted"}
    for row in body:
        for cell in row[2:]:
            if cell:
                value, status = cell.rsplit("|", 1)
                assert status in statuses
    anlao = next(row for row in body if row[0] == "anlao_ctxh_2021")
    assert anlao[header.index("staffing@p1")] == "≥ 50%|weaker"
    assert sum(cell.endswith("|weaker") for cell in anlao) == 4
    assert anlao[header.index("staffing@p2")] == ""  # 2030 is outside An Lão's period


def test_matrix_statuses_adopted_and_equal(ro):
    rows = list(csv.reader(io.StringIO(ro.get("/matrix/de_an_32.csv").content.decode("utf-8-sig"))))
    cells = {row[0]: row[2:] for row in rows[1:]}
    assert any(c.endswith("|adopted") for c in cells["kh_1305"])
    assert any(c.endswith("|equal") for c in cells["ls_ctxh_2011"])


def test_matrix_xlsx_opens_with_openpyxl(ro):
    openpyxl = pytest.importorskip("openpyxl")
    r = ro.get("/matrix/ctxh_112.xlsx")
    assert r.status_code == 200
    wb = openpyxl.load_workbook(io.BytesIO(r.content))
    ws = wb["Matrix"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    anlao = next(row for row in values if row[0] == "anlao_ctxh_2021")
    assert "≥ 50%" in anlao
    fills = [ws.cell(row=[r[0] for r in values].index("anlao_ctxh_2021") + 1, column=i).fill.fgColor.rgb
             for i in range(3, len(anlao) + 1)]
    assert sum(str(f).endswith("F4C7C3") for f in fills) == 4


# ------------------------------------------------------------------ downloads


def test_docx_download_opens_with_python_docx(ro):
    docx = pytest.importorskip("docx")
    r = ro.get("/plans/qng_ctxh_2021.docx")
    assert r.status_code == 200
    assert 'filename="qng_ctxh_2021.docx"' in r.headers["content-disposition"]

    document = docx.Document(io.BytesIO(r.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Quảng Ngãi" in text


def test_download_names_with_vietnamese_letters(tmp_path):
    folder = tmp_path / "vi"
    folder.mkdir()
    (folder / "a.plan").write_text('plan kế_hoạch_xã {\n  level commune\n}\n', "utf-8")
    c = client([folder])
    r = c.get("/plans/kế_hoạch_xã")
    assert r.status_code == 200
    md = c.get("/plans/kế_hoạch_xã.md")
    assert md.status_code in (200, 422)  # rendered, or refused with the render findings; never a 500
    from plandsl.web.app import attachment

    header = attachment("kế_hoạch_xã.md")
    header.encode("latin-1")  # HTTP headers are latin-1: the name travels percent-encoded
    assert 'filename="ke_hoach_xa.md"' in header and "filename*=UTF-8''k%E1%BA%BF_ho%E1%BA%A1ch_x%C3%A3.md" in header


def test_markdown_and_html_downloads(ro):
    md = ro.get("/plans/anlao_ctxh_2021.md")
    assert md.status_code == 200 and "An Lão" in md.text
    html = ro.get("/plans/anlao_ctxh_2021.html")
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")


# ------------------------------------------------------------------ safety


def test_read_only_server_refuses_writes_and_has_no_editor(ro):
    assert ro.post("/edit/ctxh-2021-2030/an-lao.plan", json={"text": "x"}).status_code == 403
    assert ro.post("/api/check", json={}).status_code == 403
    assert ro.get("/edit/ctxh-2021-2030/an-lao.plan").status_code == 404
    assert 'name="csrf-token"' not in ro.get("/").text


def test_token_is_required_on_every_request(tmp_path):
    c = client([SPECS], token="s3cret", allowed_hosts=None)
    assert c.get("/").status_code == 401
    assert c.get("/static/style.css").status_code == 401
    assert c.get("/", params={"token": "wrong"}).status_code == 401
    assert c.get("/", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    first = c.get("/plans/ctxh_112", params={"token": "s3cret", "lang": "en"}, follow_redirects=False)
    assert first.status_code == 303 and "token" not in first.headers["location"]
    assert first.headers["location"] == "/plans/ctxh_112?lang=en"
    assert c.get("/plans/ctxh_112").status_code == 200  # the cookie now carries it


def test_foreign_host_header_is_refused(ro):
    assert ro.get("/", headers={"host": "evil.example:8000"}).status_code == 403


def test_writes_need_the_csrf_token(rw):
    path = "/edit/ctxh-2021-2030/an-lao.plan"
    text = (rw.root / "ctxh-2021-2030" / "an-lao.plan").read_text("utf-8")
    base = re.search(r'"base": "([0-9a-f]+)"', rw.get(path).text).group(1)
    assert rw.post(path, json={"text": text + "\n", "base": base}).status_code == 403
    assert rw.post(path, json={"text": text, "base": base}, headers={"X-CSRF-Token": "nope"}).status_code == 403
    assert rw.post(path, json={"text": text, "base": base},
                   headers={"X-CSRF-Token": rw.csrf, "Origin": "http://evil.example"}).status_code == 403
    assert rw.post("/api/check", json={"path": "ctxh-2021-2030/an-lao.plan", "text": text}).status_code == 403
    assert rw.post("/new", data={"parent": "ctxh_112", "level": "province", "jurisdiction": "Tỉnh Bình Định"}
                   ).status_code == 403
    assert rw.post("/history/ctxh-2021-2030/an-lao.plan", data={"version": "x"}).status_code == 403


@pytest.mark.parametrize("rel", [
    "../specs/ctxh-2021-2030/an-lao.plan", "ctxh-2021-2030/../../outside.plan", "%2e%2e/outside.plan",
    "/etc/passwd", "ctxh-2021-2030/an-lao.txt", ".plandsl-history/x.plan", "C:/x.plan",
])
def test_paths_are_confined_to_the_served_folder(rw, rel):
    (rw.root.parent / "outside.plan").write_text("plan outside {}\n", "utf-8")
    assert rw.get("/edit/" + rel).status_code == 404
    r = rw.post("/api/check", json={"path": rel, "text": "x"}, headers={"X-CSRF-Token": rw.csrf})
    assert r.status_code == 404


def test_symlink_leading_out_is_refused(rw, tmp_path):
    secret = tmp_path / "secret.plan"
    secret.write_text("secret\n", "utf-8")
    link = rw.root / "link.plan"
    try:
        os.symlink(secret, link)
    except OSError:
        pytest.skip("no symlinks on this file system")
    assert rw.get("/edit/link.plan").status_code == 404
    r = rw.post("/edit/link.plan", json={"text": "x", "base": ""}, headers={"X-CSRF-Token": rw.csrf})
    assert r.status_code == 404
    assert secret.read_text("utf-8") == "secret\n"


# ------------------------------------------------------------------ editor


def test_save_is_atomic_refuses_stale_files_and_keeps_history(rw):
    rel = "ctxh-2021-2030/an-lao.plan"
    file = rw.root / rel
    original = file.read_text("utf-8")
    page = rw.get("/edit/" + rel)
    assert page.status_code == 200
    base = re.search(r'"base": "([0-9a-f]+)"', page.text).group(1)
    edited = original.replace("chỉ_tiêu 2025 >= 85%", "chỉ_tiêu 2025 >= 86%")
    r = rw.post("/edit/" + rel, json={"text": edited, "base": base}, headers={"X-CSRF-Token": rw.csrf})
    assert r.status_code == 200 and r.json()["ok"]
    assert file.read_text("utf-8") == edited
    # A second save from the same (now stale) page is refused.
    r2 = rw.post("/edit/" + rel, json={"text": original, "base": base}, headers={"X-CSRF-Token": rw.csrf})
    assert r2.status_code == 409
    assert file.read_text("utf-8") == edited
    history = rw.get("/history/" + rel)
    assert history.status_code == 200
    version = re.search(r'name="version" value="([^"]+)"', history.text).group(1)
    back = rw.post("/history/" + rel, data={"version": version, "csrf": rw.csrf}, follow_redirects=False)
    assert back.status_code == 303
    assert file.read_text("utf-8") == original
    assert len(list((rw.root / ".plandsl-history" / rel).iterdir())) == 2
    # The pages see the change (the workspace re-reads the files).
    assert "anlao_ctxh_2021" in rw.get("/").text


def test_live_check_and_hover_see_unsaved_text(rw):
    rel = "ctxh-2021-2030/an-lao.plan"
    text = (rw.root / rel).read_text("utf-8")
    weaker = text.replace("chỉ_tiêu 2025 >= 85%", "chỉ_tiêu 2025 >= 80%")
    headers = {"X-CSRF-Token": rw.csrf}
    before = rw.post("/api/check?lang=en", json={"path": rel, "text": text}, headers=headers).json()
    after = rw.post("/api/check?lang=en", json={"path": rel, "text": weaker}, headers=headers).json()
    count = lambda data: sum(d["code"] == "AM001" for d in data["diagnostics"])  # noqa: E731
    assert count(before) == 4 and count(after) == 5
    assert any("'children'" in d["message"] for d in after["diagnostics"])
    line = next(i for i, ln in enumerate(text.split("\n"), 1) if "chỉ_tiêu 2025 >= 50%" in ln)
    hover = rw.post("/api/hover?lang=en", json={"path": rel, "text": text, "line": line, "col": 7},
                    headers=headers).json()
    assert "ctxh_112" in hover["text"] and "≥ 60%" in hover["text"]
    broken = rw.post("/api/check", json={"path": rel, "text": "kế_hoạch {"}, headers=headers)
    assert broken.status_code == 200 and broken.json()["diagnostics"][0]["code"].startswith("PRS")


def test_new_child_plan_form_scaffolds_a_spec(rw):
    form = rw.get("/new", params={"parent": "ctxh_112"})
    assert form.status_code == 200 and 'value="ctxh_112" selected' in form.text
    # Bình Định merged into Gia Lai on 2025-07-01: the new plan (dated today) is Gia Lai's.
    data = {"parent": "ctxh_112", "level": "province", "jurisdiction": "Tỉnh Gia Lai",
            "file": "ctxh-2021-2030/binh-dinh.plan", "csrf": rw.csrf}
    r = rw.post("/new", data=data, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/edit/ctxh-2021-2030/binh-dinh.plan")
    created = rw.root / "ctxh-2021-2030" / "binh-dinh.plan"
    assert "ctxh_112" in created.read_text("utf-8")
    again = rw.post("/new", data=data)
    assert again.status_code == 422  # never overwrites
    outside = rw.post("/new", data={**data, "file": "../escape.plan"})
    assert outside.status_code == 422 and not (rw.root.parent / "escape.plan").exists()


def test_import_page_drafts_a_spec_and_opens_it(rw):
    pytest.importorskip("plandsl.importer")
    from conftest import SEEDS

    seed = next(iter(sorted(SEEDS.glob("001_*.txt"))), None) if SEEDS.is_dir() else None
    if seed is None:
        pytest.skip("the An Lão seed text is not available")
    form = rw.get("/import")
    assert form.status_code == 200 and 'enctype="multipart/form-data"' in form.text
    files = {"document": ("an-lao.txt", seed.read_bytes(), "text/plain")}
    data = {"parent": "ctxh_112", "file": "ctxh-2021-2030/an-lao-draft.plan", "keywords": "vi"}
    assert rw.post("/import", data=data, files=files).status_code == 403  # no CSRF token
    bad = rw.post("/import", data={**data, "csrf": rw.csrf}, files={"document": ("x.exe", b"MZ", "x")})
    assert bad.status_code == 422
    r = rw.post("/import", data={**data, "csrf": rw.csrf}, files=files, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/edit/ctxh-2021-2030/an-lao-draft.plan")
    draft = (rw.root / "ctxh-2021-2030" / "an-lao-draft.plan").read_text("utf-8")
    assert "ctxh_112" in draft
    again = rw.post("/import", data={**data, "csrf": rw.csrf}, files=files)
    assert again.status_code == 422  # never overwrites


# ------------------------------------------------------------------ escaping and bad input


def _hostile_specs(tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "top.plan").write_text(f'''plan top {{
  kind "Quyết định"
  title "{HOSTILE} national"
  level national
  jurisdiction "Việt Nam"
  issuer "Thủ tướng {HOSTILE}"
  period 2021..2030
  phase p1 2021..2025
  objective o1 {{
    text "{HOSTILE}"
    indicator "{HOSTILE}"
    unit %
    direction up
    target p1 >= 60%
  }}
  task t1 {{
    text "{HOSTILE}"
    lead "{HOSTILE}"
  }}
}}
''', "utf-8")
    (folder / "child.plan").write_text(f'''plan child {{
  title "{HOSTILE}"
  level province
  jurisdiction "Tỉnh {HOSTILE}"
  period 2021..2025
  phase p1 2021..2025
  implements top
  objective o1 {{
    target p1 >= 50%
  }}
}}
''', "utf-8")
    (folder / "orphan.plan").write_text('plan orphan {\n  level province\n  implements nowhere\n}\n', "utf-8")
    (folder / "a.plan").write_text('plan cyc_a {\n  level province\n  implements cyc_b\n}\n', "utf-8")
    (folder / "b.plan").write_text('plan cyc_b {\n  level province\n  implements cyc_a\n}\n', "utf-8")
    (folder / "broken.plan").write_text(f'plan broken {{\n  title "{HOSTILE}\n', "utf-8")
    return folder


def test_every_spec_string_is_escaped_and_bad_input_is_findings(tmp_path):
    folder = _hostile_specs(tmp_path)
    c = client([folder], lang="en")
    pages = ["/", "/?q=script", "/search?q=script", "/plans/top", "/plans/child", "/plans/orphan", "/plans/cyc_a",
             "/matrix/top"]
    for url in pages:
        r = c.get(url)
        assert r.status_code == 200, url
        assert "<script>alert" not in r.text and "<img src=x" not in r.text, url
    tree = c.get("/").text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;amp; &lt;img src=x onerror=alert(1)&gt;" in tree
    assert "broken.plan" in tree  # the file that does not parse is listed
    assert "GR002" in c.get("/plans/orphan").text
    assert "GR003" in c.get("/plans/cyc_a").text
    assert "&lt;script&gt;" in c.get("/plans/top").text
    assert 'data-status="weaker"' in c.get("/matrix/top").text


# ------------------------------------------------------------------ static site


def test_site_writes_static_pages_with_relative_links(tmp_path):
    from plandsl.cli import main

    out = tmp_path / "site"
    assert main(["site", str(SPECS), "-o", str(out), "--lang", "vi"]) == 0
    index = (out / "index.html").read_text("utf-8")
    assert 'href="plans/qng_ctxh_2021.html"' in index and 'href="static/style.css"' in index
    plan = (out / "plans" / "qng_ctxh_2021.html").read_text("utf-8")
    assert 'href="../index.html"' in plan and 'href="../downloads/qng_ctxh_2021.docx"' in plan
    assert (out / "downloads" / "qng_ctxh_2021.docx").stat().st_size > 0
    matrix = (out / "matrix" / "ctxh_112.html").read_text("utf-8")
    assert matrix.count('data-status="weaker"') == 6 and 'href="../matrix/ctxh_112.csv"' in matrix
    assert (out / "matrix" / "ctxh_112.xlsx").exists()
    for page in out.rglob("*.html"):
        if page.parent.name == "downloads":
            continue
        assert not re.search(r'(href|src)="/', page.read_text("utf-8")), page  # relative links only
    assert main(["site", str(SPECS), "-o", str(out)]) == 1  # not empty, no --force: exit 1 as every command
    assert main(["site", str(SPECS), "-o", str(out), "--force", "--no-downloads"]) == 0


def test_serve_command_refuses_missing_folders_and_lists_its_options():
    from plandsl.cli import main

    assert main(["serve", "no-such-folder", "--no-open"]) == 1  # as check, fmt, explain
    assert main(["site", "no-such-folder", "-o", "x"]) == 1
    assert main(["serve", "--help"]) == 0


def test_serve_binds_loopback_by_default_and_requires_a_token_elsewhere(monkeypatch, capsys):
    import uvicorn

    from plandsl.cli import main

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    assert main(["serve", str(SPECS), "--no-open", "--port", "8123"]) == 0
    app, kw = calls[-1]
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8123
    assert app.state.settings.token is None and "127.0.0.1" in app.state.settings.allowed_hosts
    assert "http://127.0.0.1:8123/" in capsys.readouterr().out
    assert main(["serve", str(SPECS), "--no-open", "--host", "0.0.0.0", "--port", "8124"]) == 0
    app, kw = calls[-1]
    token = app.state.settings.token
    assert token and len(token) >= 20 and kw["host"] == "0.0.0.0"
    out = capsys.readouterr()
    assert token in out.err and f"?token={token}" in out.out
    assert TestClient(app).get("/").status_code == 401


def test_tasks_take_leads_and_supports_from_responsibilities(ro):
    text = ro.get("/plans/qng_ctxh_2021").text
    row = re.search(r'<td id="task-t_network".*?</tr>', text, re.S).group(0)
    assert "Sở Nội vụ" in row and "theo phân công trách nhiệm" in row and "Sở Giáo dục và Đào tạo" in row
    sub = re.search(r'<td id="task-t_network_a".*?</tr>', text, re.S).group(0)
    assert "Sở Nội vụ" in sub and "theo nhiệm vụ chính" in sub
    assert "Tổ chức thực hiện" in text and 'href="#task-t_training"' in text
    own = ro.get("/plans/ls_ctxh_2011").text
    assert "theo phân công trách nhiệm" not in re.search(r'<section class="tasks">.*?</section>', own, re.S).group(0)


def test_unknown_address_is_the_localized_404_page(ro):
    r = ro.get("/no/such/page")
    assert r.status_code == 404 and "Không tìm thấy" in r.text and "<h1>" in r.text
    assert "Not found" in ro.get("/no/such/page", params={"lang": "en"}).text


def test_missing_paths_are_prs001_errors_with_exit_1(capsys, tmp_path, monkeypatch):
    from plandsl.cli import main

    assert main(["site", str(tmp_path / "nosuch"), "-o", str(tmp_path / "d")]) == 1
    assert "PRS001" in capsys.readouterr().err
    monkeypatch.chdir(SPECS.parent)
    assert main(["graph", "nosuch"]) == 1
    assert main(["graph", "qng_ctxh_2021"]) == 1
    err = capsys.readouterr().err
    assert "PRS001" in err and "quang-ngai.plan" in err


def test_matrix_heads_columns_with_the_indicator_and_keeps_the_id(ro):
    snap_indicators = re.findall(r'<th colspan="\d+" class="objective" title="([^"]*)">', ro.get("/matrix/ctxh_112").text)
    assert snap_indicators and all("(" in t for t in snap_indicators)  # "indicator (id)" tooltips
    text = ro.get("/matrix/ctxh_112").text
    assert re.search(r'class="objective"[^>]*>[^<]{3,}<small class="pid">staffing</small>', text)
    openpyxl = pytest.importorskip("openpyxl")
    ws = openpyxl.load_workbook(io.BytesIO(ro.get("/matrix/ctxh_112.xlsx").content))["Matrix"]
    ids = [c.value for c in ws[2]]
    col = ids.index("staffing")
    assert ws[1][col].value and ws[1][col].value != "staffing"  # the indicator's wording above the id
    assert ws.freeze_panes == "C5"
