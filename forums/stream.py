"""Institutions' answers in the news stream (`/news/`): each published answer an officer
gave for their office, under that office's name, through aggregation's contributor hook."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from aggregation.stream import StreamContributor, StreamEntry, StreamFilters
from forums import writing
from forums.models import Post, Visibility


def official_answers(filters: StreamFilters) -> QuerySet[Post]:
    """Published answers for an office, in published threads, matching the stream's
    filters. A thread's language is not known, and it has no topic: a stream filtered
    by language or topic shows none."""
    if filters.language or filters.topic is not None:
        return Post.objects.none()
    answers = Post.objects.filter(
        office__isnull=False,
        is_opening=False,
        visibility=Visibility.PUBLISHED,
        thread__visibility=Visibility.PUBLISHED,
    )
    if filters.institution is not None:
        answers = answers.filter(office__institution=filters.institution)
    if filters.area is not None:
        path = filters.area.path
        answers = answers.filter(
            Q(thread__board__area__path__startswith=path) | Q(office__area__path__startswith=path)
        )
    return answers.select_related("thread", "office").order_by("-created_at", "-pk")


class AnswersInStream(StreamContributor):
    def count(self, filters: StreamFilters, language: str) -> int:
        return official_answers(filters).count()

    def entries(self, filters: StreamFilters, language: str, limit: int) -> list[StreamEntry]:
        return [
            StreamEntry(
                title=post.thread.title,
                summary=writing.summary(post.html),
                url=post.get_absolute_url(),
                published_at=post.created_at,
                language=language,
                institution=post.office.name if post.office else "",
                source="",
            )
            for post in official_answers(filters)[:limit]
        ]
