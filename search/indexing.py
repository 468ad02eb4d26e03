"""Writing the index: documents from registered objects, one object again, rebuilds.

Updates after commits are enqueued by `search.updates` (tasks that call this module)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from search import analysis, khmer
from search.models import Document, Word
from search.registry import Entry, Facet, Index, area_resolver, index_for, indexes

logger = logging.getLogger(__name__)

MAX_BODY_CHARS = 20_000
BATCH = 500
MIN_WORD_LENGTH = 4


def make_document(
    key: str,
    kind: str,
    entry: Entry,
    *,
    promoted: bool = False,
    boost: float = 1.0,
    institution: Facet | None = None,
    area: tuple[str, Facet] | None = None,
) -> Document:
    """Return the unsaved document for one entry, its text analysed."""
    # Stored normalised, as the analyser sees them: snippets and the title boost need no
    # second pass, and the text looks the same to a reader.
    title = khmer.normalise(" ".join(entry.title.split()))
    body = khmer.normalise(" ".join(entry.body.split())[:MAX_BODY_CHARS])
    return Document(
        key=key,
        language=entry.language,
        kind=kind,
        title=title[:300],
        body=body,
        url=entry.url[:500],
        promoted=promoted,
        boost=boost,
        institution_key=institution.key if institution else "",
        institution_km=institution.label_km[:300] if institution else "",
        institution_en=institution.label_en[:300] if institution else "",
        area_path=area[0] if area else "",
        province_km=area[1].label_km if area else "",
        province_en=area[1].label_en if area else "",
        title_terms=analysis.index_terms(title, romanised=True),
        body_terms=analysis.index_terms(body),
    )


def documents_for(index: Index, obj: Any) -> list[Document]:
    """Return the unsaved documents (one per language) that describe an object."""
    code = index.area_code(obj)
    resolver = area_resolver()
    area = resolver.describe(code) if code and resolver is not None else None
    return [
        make_document(
            index.key(obj.pk),
            index.kind,
            entry,
            promoted=index.promoted,
            boost=index.boost(obj),
            institution=index.institution(obj),
            area=area,
        )
        for entry in index.entries(obj)
    ]


def _words_of(documents: Iterable[Document]) -> set[str]:
    """Return the Latin words (folded, unstemmed) of titles and romanised titles."""
    words: set[str] = set()
    for document in documents:
        text = khmer.normalise(f"{document.title} {document.body[:2000]}")
        for token_text, _start, _end in khmer.words(text):
            if khmer.is_khmer(token_text):
                for spelling in (*khmer.romanise(token_text), khmer.romanise_by_rules(token_text)):
                    parts = analysis.fold(spelling).split()
                    words.update(parts)
                    words.add("".join(parts))  # "kampongcham": joined names are typed too
            else:
                words.update(analysis._LATIN_WORD.findall(analysis.fold(token_text)))
    return {w for w in words if MIN_WORD_LENGTH <= len(w) <= 60 and not w.isdigit()}


def save_documents(documents: list[Document]) -> None:
    Document.objects.bulk_create(documents, batch_size=BATCH)
    words = _words_of(documents)
    if words:
        Word.objects.bulk_create(
            [Word(word=w) for w in sorted(words)], batch_size=BATCH, ignore_conflicts=True
        )


def do_update_object(label: str, pk: Any) -> int:
    """Index the object again (or remove it when it is no longer public); return how many
    documents it has now."""
    index = index_for(label)
    if index is None:
        return 0
    obj = index.get_queryset().filter(pk=pk).first()
    with transaction.atomic():
        Document.objects.filter(key=index.key(pk)).delete()
        if obj is None:
            return 0
        documents = documents_for(index, obj)
        save_documents(documents)
    return len(documents)


def do_remove_object(label: str, pk: Any) -> None:
    index = index_for(label)
    if index is not None:
        Document.objects.filter(key=index.key(pk)).delete()


@dataclass
class RebuildReport:
    """Counts of a rebuild: objects and documents per kind."""

    objects: dict[str, int] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)


def do_rebuild(
    progress: Callable[[str, int, int], None] | None = None, *, only: Iterable[str] = ()
) -> RebuildReport:
    """Empty the index (or the given models' part of it) and index every object again."""
    report = RebuildReport()
    chosen = [i for i in indexes() if not only or i.label in only or i.kind in only]
    for index in chosen:
        queryset = index.get_queryset()
        total = queryset.count()
        Document.objects.filter(key__startswith=f"{index.label}:").delete()
        done = documents = 0
        batch: list[Document] = []
        for obj in queryset.iterator(chunk_size=BATCH):
            batch.extend(documents_for(index, obj))
            done += 1
            if len(batch) >= BATCH:
                save_documents(batch)
                documents += len(batch)
                batch = []
                if progress:
                    progress(index.kind, done, total)
        save_documents(batch)
        documents += len(batch)
        if progress:
            progress(index.kind, done, total)
        report.objects[index.label] = done
        report.documents[index.label] = documents
    return report
