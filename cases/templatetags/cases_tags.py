from __future__ import annotations

from django import template
from django.utils.html import format_html

register = template.Library()

COLOURS = {
    "received": "blue",
    "in_review": "blue",
    "information_requested": "yellow",
    "approved": "green",
    "document_issued": "green",
    "rejected": "red",
    "document_revoked": "red",
    "withdrawn": "grey",
    "closed": "grey",
}


@register.simple_tag
def state_tag(workflow, state: str):
    """A coloured tag with the state's name in the active language."""
    return format_html(
        '<strong class="tag tag--{}">{}</strong>',
        COLOURS.get(state, "blue"),
        workflow.state_label(state),
    )
