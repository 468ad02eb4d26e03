"""Topics people follow, as keys "<kind>:<id>" that the app owning the kind defines.

An app registers a kind with a function that describes a key (its name in both languages
and its page) or returns None for a key that does not exist, so that nobody can follow a
made-up topic:

    register_topic_kind("institution", label=_("Institution"), describe=describe_institution)

A kind is `nested` when its ids nest by prefix, as gazetteer codes do (province "12",
district "1202", commune "120201"): a message to "area:12" then also reaches the people
who follow "area:1202" or "area:120201".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q

TOPIC_KEY = re.compile(r"^[a-z][a-z0-9_]*:[A-Za-z0-9_.-]{1,150}$")


@dataclass(frozen=True)
class Topic:
    key: str
    name_km: str
    name_en: str
    url: str = ""

    def name(self, language: str) -> str:
        return self.name_en if language == "en" else self.name_km


@dataclass(frozen=True)
class TopicKind:
    kind: str
    label: Any
    describe: Callable[[str], Topic | None]
    nested: bool = False


_kinds: dict[str, TopicKind] = {}


def register_topic_kind(
    kind: str, *, label: Any, describe: Callable[[str], Topic | None], nested: bool = False
) -> TopicKind:
    """Register a kind of topic; `describe(key)` gets the whole key ("area:1202")."""
    if not re.match(r"^[a-z][a-z0-9_]*$", kind):
        raise ImproperlyConfigured(f"Topic kinds are lower-case words: {kind!r}")
    topic_kind = TopicKind(kind, label, describe, nested)
    _kinds[kind] = topic_kind
    return topic_kind


def kind_of(key: str) -> TopicKind | None:
    return _kinds.get(key.partition(":")[0]) if TOPIC_KEY.match(key) else None


def describe_topic(key: str) -> Topic | None:
    """Return the topic if its kind is registered and the key names something real."""
    topic_kind = kind_of(key)
    return topic_kind.describe(key) if topic_kind else None


def followers_of(key: str) -> Q:
    """Return the condition on Subscription for the people a message on `key` reaches."""
    topic_kind = kind_of(key)
    if topic_kind and topic_kind.nested:
        return Q(topic__startswith=key)
    return Q(topic=key)
