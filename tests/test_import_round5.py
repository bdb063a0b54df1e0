"""`plandsl import` on shapes found after the eleventh held-out set (issue #10, docs/IMPORT.md "After the eleventh
set (no longer independent)"): text copies of the official gazette's PDFs (Công báo), with its running page header,
page numbers and signature note.

Every text here was written for these tests (made-up bodies and plans in the gazette's layout); none is copied from a
held-out set."""

from __future__ import annotations

from import_docs import draft

# A made-up decision of the Thủ tướng as the gazette's text layer gives it: every page opens with the gazette's header
# and the page number, the gazette's signature note after the first page, no blank line between paragraphs.
_PAGE_ONE = (
    "CÔNG BÁO/Số 401/Ngày 12-08-2026 \n"
    "17 \n \n \n"
    "THỦ TƯỚNG CHÍNH PHỦ \n_______ \n \nSố: 1234/QĐ-TTg \n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc \n________________ \n"
    "Hà Nội, ngày 30 tháng 7 năm 2026 \n \n"
    "QUYẾT ĐỊNH \nBan hành Kế hoạch thực hiện Chỉ thị số 61-CT/TW về phát triển thư viện số \n_________ \n \n"
    "THỦ TƯỚNG CHÍNH PHỦ \n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; \n"
    "Xét đề nghị của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch. \n \n"
    "QUYẾT ĐỊNH: \n"
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chỉ thị số 61-CT/TW. \n"
    "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành. \n"
    "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Cơ quan: VĂN PHÒNG CHÍNH PHỦ\n"
    "Ngày ký: 2026-08-11 09:12:30 +07:00\n\n")
_PAGE_TWO = (
    "CÔNG BÁO/Số 401/Ngày 12-08-2026 \n"
    "18 \n \n \n"
    "KẾ HOẠCH \nThực hiện Chỉ thị số 61-CT/TW về phát triển thư viện số \n"
    "I. MỤC TIÊU \n"
    "1. Đến năm 2030, 90% thư viện công cộng cấp tỉnh được số hóa tài liệu. \n"
    "II. NHIỆM VỤ CỤ THỂ \n"
    "1. Hoàn thiện thể chế về thư viện số \n"
    "- Rà soát, sửa đổi các văn bản quy phạm pháp luật về thư viện và bản quyền tài liệu \n"
    "số hóa phù hợp với yêu cầu chuyển đổi số. \n"
    "- Xây dựng bộ tiêu chuẩn dữ liệu dùng chung cho các thư viện công cộng, bảo đảm kết \n\n")
_PAGE_THREE = (
    "CÔNG BÁO/Số 401/Ngày 12-08-2026 \n"
    "19 \n \n \n"
    "nối liên thông với cơ sở dữ liệu quốc gia về văn hóa. \n"
    "2. Phát triển hạ tầng thư viện số \n"
    "- Đầu tư nền tảng thư viện số dùng chung cho các tỉnh, thành phố. \n")
_GAZETTE = _PAGE_ONE + _PAGE_TWO + _PAGE_THREE


def test_the_gazettes_page_header_is_not_the_documents_number():
    # The gazette's "CÔNG BÁO/Số 277/Ngày 16-05-2026" on the first line had been read as the number ('277/Ngày') in all
    # five texts of the eleventh set (NOT independent), though the document's own "Số: …" follows.
    result, plan = draft(_GAZETTE)
    assert plan.instrument.number == "1234/QĐ-TTg"
    assert any("CÔNG BÁO/Số 401/Ngày 12-08-2026" in note for note in result.notes)  # what was left out is said
    assert "CÔNG BÁO/Số 401" not in result.text.split("\n", 3)[3]  # only in that note, at the top


def test_page_headers_and_numbers_are_no_tasks_and_a_sentence_goes_on_over_a_page():
    # The headers and page numbers between pages had been top-level tasks ("CÔNG BÁO/Số 286/…", "91"), the numbered
    # headings after them nested under the wrong parent, and a sentence cut by a page a task of its own.
    _result, plan = draft(_GAZETTE)
    texts = [t.text for t in plan.tasks]
    assert not any("CÔNG BÁO" in t or t.strip().isdigit() for t in texts)
    assert [t.text for t in plan.tasks] == ["Hoàn thiện thể chế về thư viện số", "Phát triển hạ tầng thư viện số"]
    first = plan.tasks[0].subtasks
    assert first[1].text.endswith("bảo đảm kết nối liên thông với cơ sở dữ liệu quốc gia về văn hóa.")
    assert not any("Ký bởi" in (o.text or "") or "VĂN PHÒNG CHÍNH PHỦ" in (o.text or "") for o in plan.objectives)


def test_a_line_like_the_gazettes_header_inside_the_text_stays():
    # Only the header's whole line, with the page number under it, is page furniture; a sentence naming the gazette is
    # text, and a text that is no gazette copy is read as before.
    from plandsl.importer.gazette import drop_furniture

    rows = [("Đăng Công báo theo quy định.", "line 1"), ("CÔNG BÁO/Số 9/Ngày 01-02-2026", "line 2"), ("5", "line 3"),
            ("", "line 4"), ("tiếp theo", "line 5")]
    kept, first = drop_furniture(rows)
    assert first == "CÔNG BÁO/Số 9/Ngày 01-02-2026"
    assert kept == [rows[0], rows[4]]
    plain = [("Kế hoạch", "line 1"), ("12", "line 2")]
    assert drop_furniture(plain) == (plain, None)
