"""Every word the web pages show, in one place.

The msgids are English (as everywhere in plandsl); Vietnamese comes from the
gettext catalog (plandsl.core.i18n) when it has the msgid, else from ``VI``
below, so these strings can move into the catalog without touching the pages.
"""

from __future__ import annotations

from functools import lru_cache

LANGUAGES = ("vi", "en")

VI: dict[str, str] = {
    "Plans": "Kế hoạch",
    "Plan workspace": "Không gian làm việc kế hoạch",
    "Inheritance tree": "Cây kế thừa",
    "Search by name, code, unit or instrument number": "Tìm theo tên, mã, đơn vị hoặc số văn bản",
    "Search": "Tìm kiếm",
    "No plan matches.": "Không có kế hoạch nào phù hợp.",
    "errors": "lỗi",
    "warnings": "cảnh báo",
    "weaker targets": "chỉ tiêu thấp hơn cấp trên",
    "Files that could not be read": "Tệp không đọc được",
    "Findings": "Phát hiện",
    "No findings.": "Không có phát hiện nào.",
    "Hint": "Gợi ý",
    "Objectives and targets": "Mục tiêu và chỉ tiêu",
    "Objective": "Mục tiêu",
    "Indicator": "Chỉ số",
    "Phase": "Giai đoạn",
    "Year": "Năm",
    "Target": "Chỉ tiêu",
    "Provenance": "Nguồn gốc",
    "Parent's value": "Chỉ tiêu cấp trên",
    "own": "tự đặt",
    "adopted": "tiếp nhận",
    "adapted": "điều chỉnh",
    "waived": "miễn trừ",
    "dropped": "bỏ sót",
    "weaker": "thấp hơn",
    "equal": "bằng",
    "stronger": "cao hơn",
    "set by": "do",
    "Tasks": "Nhiệm vụ",
    "Task": "Nhiệm vụ",
    "Lead agency": "Cơ quan chủ trì",
    "Support agencies": "Cơ quan phối hợp",
    "Due": "Thời hạn",
    "by assignment of duties": "theo phân công trách nhiệm",
    "from the enclosing task": "theo nhiệm vụ chính",
    "Implementation": "Tổ chức thực hiện",
    "Agency": "Cơ quan",
    "Duties": "Trách nhiệm",
    "Leads tasks": "Chủ trì nhiệm vụ",
    "Supports tasks": "Phối hợp nhiệm vụ",
    "requested": "đề nghị",
    "Graph": "Sơ đồ kế thừa",
    "Implements": "Thực hiện",
    "Implemented by": "Được thực hiện bởi",
    "Download": "Tải xuống",
    "Level": "Cấp",
    "Jurisdiction": "Địa bàn",
    "Issuer": "Cơ quan ban hành",
    "Instrument": "Văn bản",
    "Period": "Thời kỳ",
    "Legal bases": "Căn cứ",
    "Matrix": "Ma trận",
    "Ministry matrix": "Ma trận chỉ tiêu",
    "Child plans of": "Các kế hoạch cấp dưới của",
    "Child plan": "Kế hoạch cấp dưới",
    "This plan has no child plans.": "Kế hoạch này chưa có kế hoạch cấp dưới.",
    "Legend": "Chú giải",
    "not in the plan's period": "ngoài thời kỳ của kế hoạch",
    "Edit": "Sửa",
    "Editor": "Trình soạn thảo",
    "Save": "Lưu",
    "Saved.": "Đã lưu.",
    "History": "Lịch sử",
    "Previous versions": "Các phiên bản trước",
    "No previous versions.": "Chưa có phiên bản trước.",
    "Restore": "Khôi phục",
    "New child plan": "Kế hoạch cấp dưới mới",
    "Parent plan": "Kế hoạch cấp trên",
    "Plan id (optional)": "Mã kế hoạch (không bắt buộc)",
    "File name": "Tên tệp",
    "Keywords": "Bộ từ khóa",
    "Create": "Tạo",
    "Checking…": "Đang kiểm tra…",
    "Cannot reach the server.": "Không kết nối được máy chủ.",
    "The file changed on disk since you opened it. Reload it, then apply your edits again.":
        "Tệp đã thay đổi trên đĩa kể từ khi bạn mở. Hãy tải lại rồi sửa lại.",
    "Not found": "Không tìm thấy",
    "No plan with this id.": "Không có kế hoạch với mã này.",
    "No page at this address.": "Không có trang nào ở địa chỉ này.",
    "Forbidden": "Không được phép",
    "A token is required.": "Cần mã truy cập (token).",
    "The form has expired; reload the page and try again.": "Biểu mẫu đã hết hạn; hãy tải lại trang và thử lại.",
    "The server is read-only; start it with --edit to change files.":
        "Máy chủ ở chế độ chỉ đọc; hãy chạy với --edit để sửa tệp.",
    "Something went wrong": "Đã xảy ra lỗi",
    "This is a bug in plandsl, not in your spec.": "Đây là lỗi của plandsl, không phải của đặc tả.",
    "Home": "Trang chủ",
    "Source": "Mã nguồn",
    "parent": "cấp trên",
    "No parent target for this year.": "Cấp trên không có chỉ tiêu cho năm này.",
    "children": "cấp dưới",
    "Import a document": "Nhập văn bản",
    "Upload": "Tải lên",
    "Document": "Văn bản",
    "Upload a DOCX, DOC, PDF or text document, or a scanned page: plandsl drafts a spec from it and opens the draft in the editor.":
        "Tải lên văn bản DOCX, DOC, PDF, văn bản thuần hoặc trang scan: plandsl soạn bản nháp đặc tả và mở trong trình soạn thảo.",
    "The file is too big or not a form upload.": "Tệp quá lớn hoặc không phải biểu mẫu tải lên.",
    "Give a .docx, .doc, .pdf, .txt or .md file, or a scanned page.":
        "Hãy chọn tệp .docx, .doc, .pdf, .txt, .md hoặc trang scan.",
    "the specs under": "các đặc tả trong",
    "plans": "kế hoạch",
    "Language": "Ngôn ngữ",
    "error": "lỗi",
    "warning": "cảnh báo",
    "info": "ghi chú",
    "none": "không có",
    "national": "quốc gia",
    "ministry": "bộ",
    "province": "tỉnh",
    "district": "huyện",
    "commune": "xã",
    "Download CSV": "Tải CSV",
    "Download XLSX": "Tải XLSX",
    "general objective": "mục tiêu chung",
    "Reason": "Lý do",
    "Generated by plandsl": "Tạo bởi plandsl",
    "Static copy: no server needed.": "Bản tĩnh: không cần máy chủ.",
}


@lru_cache(maxsize=4096)
def translate(message: str, lang: str) -> str:
    """``message`` (an English msgid) in ``lang``."""
    if lang != "vi":
        return message
    try:
        from plandsl.core.i18n import translation

        found = translation("vi").gettext(message)
    except Exception:  # the catalog is optional: fall back to the table above
        found = message
    if found != message:
        return found
    return VI.get(message, message)


def pick_language(requested: str | None, default: str = "vi") -> str:
    """The page language: ``?lang=`` when it names one, else the default (the CLI's settings)."""
    value = (requested or "").strip().lower()[:2]
    return value if value in LANGUAGES else default


def default_language() -> str:
    """The language the CLI would use (plandsl.core.i18n's settings), Vietnamese when unknown."""
    try:
        from plandsl.core.i18n import current_language

        return pick_language(current_language())
    except Exception:
        return "vi"
