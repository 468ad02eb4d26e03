from __future__ import annotations

from django import template

from services.attachments import type_names

register = template.Library()


@register.filter
def getitem(form, name: str):
    """Return the bound field `name` of a form ({{ form|getitem:name }})."""
    return form[name]


@register.filter
def file_types(accept) -> str:
    """Return the accepted MIME types as people know them ("JPEG, PNG, PDF")."""
    return type_names(tuple(accept))


@register.filter
def value_of(mapping: dict, key: str):
    """Return `mapping[key]`, or "" ({{ prefilled.sources|value_of:block.item.key }}); ""
    where the page was given no mapping (the counter's pages fill nothing in)."""
    return mapping.get(key, "") if isinstance(mapping, dict) else ""
