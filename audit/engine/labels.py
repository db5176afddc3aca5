"""Names a reviewer reads in messages, in Vietnamese and English: section kinds and header fields
(their words are in audit/messages.py), concepts (from the lexicon, rules/lexicon.yaml, the one home
of concepts)."""

from __future__ import annotations

from audit.messages import MESSAGES, msg


def section_label(kind: str, lang: str) -> str:
    return msg(f"label.section.{kind}", lang) if f"label.section.{kind}" in MESSAGES else kind


def field_label(field: str, lang: str) -> str:
    return msg(f"label.field.{field}", lang) if f"label.field.{field}" in MESSAGES else field


def concept_label(concept_id: str, lang: str) -> str:
    """The concept's name for a reviewer ("Zalo"), or its id when the lexicon does not define it."""
    from audit.text.lexicon import load_lexicon

    spec = load_lexicon().concepts.get(concept_id)
    if spec is None:
        return concept_id
    return spec.label_en if lang == "en" else spec.label_vi
