"""What the place pages and the "choose your area" form show, and the visitor's chosen area.

Every function here takes a constant number of queries, whatever the depth of the area.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from geo.jurisdiction import serves_area
from geo.models import Area, Facility

SESSION_KEY = "geo_area"
# Offices of these types serve the whole country: a place page links to them, not lists them.
NATIONAL_TYPES = ("ministry",)
NEARBY_LIMIT = 12
NEARBY_SCAN_LIMIT = 500


def access_area_by_code(code: str) -> Area:
    """Return the area with the code, or raise Http404. Areas are public."""
    area = Area.objects.filter(code=code).first()
    if area is None:
        raise Http404("No such area")
    return area


@dataclass(frozen=True)
class PlaceSection:
    """A block that another app adds to every place page (news, services, prices…).

    `context(area)` returns the template's context, or None to leave the section out.
    """

    key: str
    title: str
    template: str
    context: Callable[[Area], dict | None]
    order: int = 100


_sections: dict[str, PlaceSection] = {}


def register_place_section(section: PlaceSection) -> None:
    """Add (or replace, by key) a section of the place pages; call it from AppConfig.ready."""
    _sections[section.key] = section


def unregister_place_section(key: str) -> None:
    _sections.pop(key, None)


@dataclass
class OfficeGroup:
    """The offices and facilities of one level that serve a place: those of its commune
    (and villages), of its district, of its province. `area` is the place's own area at
    that level, for the heading."""

    level: int
    area: Area
    facilities: list[Facility]


@dataclass
class PlacePage:
    area: Area
    lineage: list[Area]
    children: list[Area]
    serving: list[Facility]
    nearby: list[Facility]
    sections: list[tuple[PlaceSection, dict]] = field(default_factory=list)
    national_count: int = 0  # ministries and other national offices that serve it too

    @property
    def serving_by_level(self) -> list[OfficeGroup]:
        """Return the serving offices grouped by level, the nearest level first."""
        groups: dict[int, list[Facility]] = {}
        for facility in self.serving:
            level = min(facility.area.level, Area.Level.COMMUNE)
            groups.setdefault(level, []).append(facility)
        by_level = {area.level: area for area in self.lineage}
        return [
            OfficeGroup(
                level,
                by_level.get(level, self.area),
                sorted(groups[level], key=lambda f: (f.type.position, -f.area.level)),
            )
            for level in sorted(groups, reverse=True)
        ]

    @property
    def ancestors(self) -> list[Area]:
        return self.lineage[:-1]

    @property
    def nearby_scope(self) -> Area:
        """Return where "nearby" looks: the district of a commune or village, else the area."""
        return self.lineage[1] if self.area.level >= Area.Level.COMMUNE else self.area

    def breadcrumbs(self) -> list[tuple[str, str]]:
        """Return "Places", the areas above (linked) and this area (unlinked)."""
        return [
            (str(_("Places")), reverse("geo:choose_area")),
            *((a.name, a.get_absolute_url()) for a in self.ancestors),
            (self.area.name, ""),
        ]


def build_place_page(area: Area) -> PlacePage:
    """Return the place page's content: its lineage, children and facilities (4 queries).

    The offices listed are those that serve the area by their jurisdiction (geo.jurisdiction)
    and, below a district, the facilities in it, grouped by level; ministries serve every
    area, so they are counted and linked to, not listed.
    """
    lineage = list(Area.objects.lineage_of(area))
    children = list(area.children.current().order_by("code"))
    facilities = (
        Facility.objects.active().select_related("type", "area__parent__parent").with_open_now()
    )
    # Those whose jurisdiction holds the area and, for a commune or a village, those in it.
    holds = serves_area(area)
    if area.level >= Area.Level.COMMUNE:
        holds |= Q(area__path__startswith=area.path)
    offices = list(
        facilities.filter(holds).order_by("-area__level", "type__position", "name_en", "pk")
    )
    serving = [f for f in offices if f.type.code not in NATIONAL_TYPES]
    return PlacePage(
        area=area,
        lineage=lineage,
        children=children,
        serving=serving,
        national_count=len(offices) - len(serving),
        nearby=nearby_facilities(area, facilities, exclude={f.pk for f in offices}),
        sections=[
            (section, context)
            for section in sorted(_sections.values(), key=lambda s: (s.order, s.key))
            if (context := section.context(area)) is not None
        ],
    )


def nearby_facilities(area: Area, facilities, exclude: set[int]) -> list[Facility]:
    """Return facilities near the area by the tree: same village, then commune, then district.

    For a commune or village the search covers its district; for a district or province,
    the area itself.
    """
    scope_code = area.lineage_codes[1] if area.level >= Area.Level.COMMUNE else area.code
    scope_path = area.path[: area.path.index(f"/{scope_code}/") + len(scope_code) + 2]
    candidates = facilities.filter(area__path__startswith=scope_path).exclude(pk__in=exclude)
    candidates = candidates.order_by("area__level", "type__position", "pk")[:NEARBY_SCAN_LIMIT]

    def closeness(facility: Facility) -> tuple[int, int, int]:
        shared = _shared_depth(facility.area.lineage_codes, area.lineage_codes)
        return (-shared, facility.type.position, facility.pk)

    return sorted(candidates, key=closeness)[:NEARBY_LIMIT]


def _shared_depth(first: list[str], second: list[str]) -> int:
    depth = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        depth += 1
    return depth


def remember_area(request: HttpRequest, area: Area) -> None:
    """Keep the visitor's area for later pages: in the session, and in a signed-in user's
    profile (`home_area`), so that it follows them to other devices."""
    request.session[SESSION_KEY] = area.code
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.home_area_id != area.pk:
        user.home_area = area
        user.save(update_fields=["home_area"])


def remembered_code(request: HttpRequest) -> str:
    """Return the code of the area the visitor chose, or an empty string (no query)."""
    code = request.session.get(SESSION_KEY, "") if hasattr(request, "session") else ""
    if code:
        return code
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.home_area_id is not None:
        return user.home_area.code
    return ""


def remembered_area(request: HttpRequest) -> Area | None:
    """Return the area the visitor chose (session first, then a signed-in user's home area),
    or None; no query when none was chosen."""
    code = request.session.get(SESSION_KEY, "") if hasattr(request, "session") else ""
    if code:
        return Area.objects.filter(code=code).first()
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.home_area_id is not None:
        return user.home_area  # cached on the user after the first access
    return None


SUGGEST_MIN_LENGTH = 2
SUGGEST_MAX_LENGTH = 60
SUGGEST_LIMIT = 10


@dataclass(frozen=True)
class Suggestion:
    area: Area
    label: str

    def as_json(self) -> dict[str, str | int]:
        return {
            "code": self.area.code,
            "name": self.area.name,
            "level": self.area.level,
            "level_label": self.area.level_label,
            "label": self.label,
            "url": self.area.get_absolute_url(),
        }


def suggest_areas(
    text: str, limit: int = SUGGEST_LIMIT, level: int | None = None
) -> list[Suggestion]:
    """Return up to `limit` current areas (of `level`, if given) whose code or name starts
    with the text, provinces first, each with its path ("Village, Commune, District,
    Province"); two queries.

    Text shorter than SUGGEST_MIN_LENGTH gives nothing; longer text is cut.
    """
    text = text.strip()[:SUGGEST_MAX_LENGTH]
    if len(text) < SUGGEST_MIN_LENGTH:
        return []
    matching = Area.objects.current().suggest(text)
    if level is not None:
        matching = matching.filter(level=level)
    areas = list(matching.order_by("level", "code")[:limit])
    above = {code for area in areas for code in area.ancestor_codes}
    names = (
        dict(
            (a.code, a.name)
            for a in Area.objects.filter(code__in=above).only("code", "name_km", "name_en")
        )
        if above
        else {}
    )
    return [
        Suggestion(
            area,
            ", ".join([area.name, *(names.get(c, c) for c in reversed(area.ancestor_codes))]),
        )
        for area in areas
    ]


LEVEL_FIELDS = ("province", "district", "commune", "village")
LEVEL_PROMPTS = {
    "province": _("Province or capital"),
    "district": _("District, khan or municipality"),
    "commune": _("Commune or sangkat"),
    "village": _("Village"),
}


@dataclass
class LevelChoice:
    name: str
    label: str
    options: list[Area]
    selected: Area | None
    invalid: bool = False


def chained_choices(params: dict[str, str]) -> tuple[list[LevelChoice], Area | None]:
    """Return the selects to show for the chosen codes, and the deepest valid chosen area.

    One query per level shown. An unknown province is reported as invalid; the levels
    under a code that does not fit are not shown.
    """
    levels: list[LevelChoice] = []
    chosen: Area | None = None
    for name in LEVEL_FIELDS:
        if chosen is None:
            options = list(Area.objects.current().filter(level=Area.Level.PROVINCE))
        else:
            options = list(chosen.children.current().order_by("code"))
        if not options:
            break
        code = (params.get(name) or "").strip()
        selected = next((a for a in options if a.code == code), None)
        # Below the provinces, a code that does not fit is what is left from before the
        # visitor changed the level above: dropped quietly.
        invalid = bool(code) and selected is None and chosen is None
        levels.append(LevelChoice(name, str(LEVEL_PROMPTS[name]), options, selected, invalid))
        if selected is None:
            break
        chosen = selected
    return levels, chosen
