"""Names a reviewer reads in messages, in Vietnamese and English: section kinds, header fields,
concepts. Concept names come from the lexicon (rules/lexicon.yaml), the one home of concepts."""

from __future__ import annotations

SECTION_LABELS: dict[str, dict[str, str]] = {
    "muc_dich": {"vi": "Mục đích", "en": "Purpose"},
    "yeu_cau": {"vi": "Yêu cầu", "en": "Requirements"},
    "doi_tuong": {"vi": "Đối tượng tuyên truyền", "en": "Audience"},
    "noi_dung": {"vi": "Nội dung tuyên truyền", "en": "Content"},
    "hinh_thuc": {"vi": "Hình thức tuyên truyền", "en": "Forms and channels"},
    "to_chuc_thuc_hien": {"vi": "Tổ chức thực hiện", "en": "Implementation (who does what)"},
    "thoi_gian": {"vi": "Thời gian thực hiện", "en": "Timeline"},
    "kinh_phi": {"vi": "Kinh phí", "en": "Budget"},
    "san_pham": {"vi": "Sản phẩm, kết quả dự kiến", "en": "Deliverables"},
    "phu_luc": {"vi": "Phụ lục", "en": "Appendix"},
}

FIELD_LABELS: dict[str, dict[str, str]] = {
    "number": {"vi": "số văn bản", "en": "document number"},
    "symbol": {"vi": "ký hiệu văn bản", "en": "document symbol"},
    "date": {"vi": "ngày ban hành", "en": "date of issue"},
    "place": {"vi": "địa danh", "en": "place name"},
    "issuer": {"vi": "tên cơ quan ban hành", "en": "issuing body"},
    "title": {"vi": "trích yếu", "en": "subject line"},
}


def section_label(kind: str, lang: str) -> str:
    return SECTION_LABELS.get(kind, {}).get(lang, kind)


def field_label(field: str, lang: str) -> str:
    return FIELD_LABELS.get(field, {}).get(lang, field)


def concept_label(concept_id: str, lang: str) -> str:
    """The concept's name for a reviewer ("Zalo"), or its id when the lexicon does not define it."""
    from audit.text.lexicon import load_lexicon

    spec = load_lexicon().concepts.get(concept_id)
    if spec is None:
        return concept_id
    return spec.label_en if lang == "en" else spec.label_vi
