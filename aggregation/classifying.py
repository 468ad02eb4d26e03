"""File items under areas and topics by the administrators' rules."""

from __future__ import annotations

import unicodedata

from aggregation.models import ClassificationRule


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def load_rules() -> list[tuple[str, int | None, int | None]]:
    """Return the enabled rules as (folded text, area id, topic id)."""
    rules = ClassificationRule.objects.filter(enabled=True)
    return [(_fold(rule.match_text), rule.area_id, rule.topic_id) for rule in rules]


def classify(text: str, rules=None) -> tuple[set[int], set[int]]:
    """Return the area ids and topic ids of every enabled rule whose text is in `text`."""
    folded = _fold(text)
    areas: set[int] = set()
    topics: set[int] = set()
    for needle, area_id, topic_id in load_rules() if rules is None else rules:
        if needle and needle in folded:
            if area_id:
                areas.add(area_id)
            if topic_id:
                topics.add(topic_id)
    return areas, topics
