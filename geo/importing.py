"""Import facilities from CSV or XLSX files, in the columns that the export writes.

Every row is checked on its own: a bad row is reported with its line number and the
reasons in the active language, the good rows are imported. Facilities are matched by
their `code`, so importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email, validate_slug
from django.db import transaction
from django.utils.translation import gettext as _

from geo.exporting import COLUMNS, FIELD_COLUMNS, PHONE_SEPARATOR
from geo.hours import HoursSyntaxError, Interval, parse_hours
from geo.models import Area, Facility, FacilityType, Institution, OpeningHours
from geo.validators import normalise_phone, normalise_telegram, parse_coordinate

REQUIRED_COLUMNS = ("code", "type", "area", "name_km", "name_en")
MAX_ROWS = 20_000
YES = {"yes", "y", "true", "1", "បាទ", "ចាស"}
NO = {"no", "n", "false", "0", "", "ទេ"}
# Values that spreadsheet programs would run as formulas get a leading apostrophe on export.
DEFUSED_PREFIXES = ("'=", "'+", "'-", "'@")
SAVED_FIELDS = ("type_id", "institution_id", "area_id", *FIELD_COLUMNS, "open_on_public_holidays")


class ImportFileError(Exception):
    """The whole file cannot be read: wrong format, not UTF-8, missing columns."""


@dataclass(frozen=True)
class RowError:
    line: int
    messages: list[str]


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.created + self.updated + self.unchanged


def read_rows(upload: IO[bytes], filename: str) -> list[tuple[int, dict[str, str]]]:
    """Return (line number, row) pairs from a .csv or .xlsx file; raise ImportFileError."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        rows = list(_xlsx_rows(upload))
    elif name.endswith(".csv"):
        rows = list(_csv_rows(upload))
    else:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))
    if len(rows) > MAX_ROWS:
        raise ImportFileError(
            _("The file has more than %(max)s rows; split it into smaller files.")
            % {"max": MAX_ROWS}
        )
    return rows


def _check_header(header: Iterable[str]) -> list[str]:
    columns = [str(c or "").strip().lower() for c in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise ImportFileError(
            _("The first row must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    return columns


def _csv_rows(upload: IO[bytes]) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(_("The file is not UTF-8 text. Save it as “CSV UTF-8”.")) from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        columns = _check_header(next(reader))
    except StopIteration as exc:
        raise ImportFileError(_("The file is empty.")) from exc
    except csv.Error as exc:
        raise ImportFileError(_("The file is not CSV.")) from exc
    line = reader.line_num
    try:
        for values in reader:
            start, line = line + 1, reader.line_num
            if any(v.strip() for v in values):
                yield start, dict(zip(columns, (v.strip() for v in values), strict=False))
    except csv.Error as exc:
        raise ImportFileError(
            _("Line %(line)s cannot be read as CSV.") % {"line": line + 1}
        ) from exc


def _xlsx_rows(upload: IO[bytes]) -> Iterator[tuple[int, dict[str, str]]]:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise ImportFileError(_("The file is not an Excel workbook (.xlsx).")) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        try:
            columns = _check_header(next(rows))
        except StopIteration as exc:
            raise ImportFileError(_("The file is empty.")) from exc
        for line, values in enumerate(rows, start=2):
            cells = [
                _cell_text(columns[i] if i < len(columns) else "", v) for i, v in enumerate(values)
            ]
            if any(cells):
                yield line, dict(zip(columns, cells, strict=False))
    finally:
        workbook.close()


def _cell_text(column: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.time):
        return f"{value:%H:%M}"
    if isinstance(value, float) and value.is_integer() and column not in ("latitude", "longitude"):
        value = int(value)
    if isinstance(value, int) and column == "area":
        text = str(value)
        # A spreadsheet drops the leading zero of "01…" codes: codes have an even length.
        return text.zfill(len(text) + len(text) % 2)
    return str(value).strip()


@dataclass
class _Lookups:
    types: dict[str, FacilityType]
    institutions: dict[str, Institution]
    areas: dict[str, Area]
    existing: dict[str, Facility]


def _lookups(rows: list[tuple[int, dict[str, str]]]) -> _Lookups:
    types: dict[str, FacilityType] = {}
    for kind in FacilityType.objects.all():
        for key in (kind.code, kind.name_en.lower(), kind.name_km):
            types[key] = kind
    area_codes = {row.get("area", "") for _line, row in rows}
    codes = {row.get("code", "") for _line, row in rows}
    return _Lookups(
        types=types,
        institutions={i.code: i for i in Institution.objects.all()},
        areas={a.code: a for a in Area.objects.filter(code__in=area_codes)},
        existing={
            f.code: f for f in Facility.objects.filter(code__in=codes).prefetch_related("hours")
        },
    )


def _undefuse(value: str) -> str:
    return value[1:] if value.startswith(DEFUSED_PREFIXES) else value


@dataclass
class CheckedRow:
    facility: Facility | None
    intervals: list[Interval]
    changed: bool
    problems: list[str]


def check_row(row: dict[str, str], lookups: _Lookups) -> CheckedRow:  # noqa: C901
    """Return the facility the row describes (unsaved), its hours, and what is wrong."""
    row = {key: _undefuse(value or "") for key, value in row.items() if key in COLUMNS}
    problems: list[str] = []
    empty_required = [column for column in REQUIRED_COLUMNS if not row.get(column)]
    for column in empty_required:
        problems.append(_("%(column)s is empty.") % {"column": column})

    code = row.get("code", "")
    if code:
        try:
            validate_slug(code)
        except ValidationError:
            problems.append(
                _("code “%(value)s” may only have letters, digits, - and _.") % {"value": code}
            )
    kind = lookups.types.get(row.get("type", "").lower()) or lookups.types.get(row.get("type", ""))
    if row.get("type") and kind is None:
        problems.append(
            _("type “%(value)s” is unknown; use one of: %(codes)s.")
            % {
                "value": row["type"],
                "codes": ", ".join(sorted({t.code for t in lookups.types.values()})),
            }
        )
    area = lookups.areas.get(row.get("area", ""))
    if row.get("area") and area is None:
        problems.append(_("area “%(value)s” is not an area code.") % {"value": row["area"]})
    institution = None
    if row.get("institution"):
        institution = lookups.institutions.get(row["institution"])
        if institution is None:
            problems.append(
                _("institution “%(value)s” is unknown.") % {"value": row["institution"]}
            )

    latitude, longitude = _coordinates(row, problems)
    phones = _phones(row.get("phones", ""), problems)
    email = _checked(row.get("email", ""), validate_email, "email", problems)
    website = _checked(
        row.get("website", ""), URLValidator(schemes=["http", "https"]), "website", problems
    )
    telegram = ""
    if row.get("telegram"):
        try:
            telegram = normalise_telegram(row["telegram"])
        except ValidationError as error:
            problems.append(f"telegram: {' '.join(error.messages)}")
    intervals: list[Interval] = []
    try:
        intervals = parse_hours(row.get("hours", ""))
    except HoursSyntaxError:
        problems.append(_("hours must look like “Mo-Fr 07:30-11:30,14:00-17:00; Sa 07:30-11:30”."))
    holidays = row.get("open_on_public_holidays", "").lower()
    if holidays not in YES | NO:
        problems.append(_("open_on_public_holidays must be yes or no."))

    facility = lookups.existing.get(code) or Facility(code=code)
    values = {
        "type_id": kind.pk if kind else None,
        "institution_id": institution.pk if institution else None,
        "area_id": area.pk if area else None,
        "name_km": row.get("name_km", ""),
        "name_en": row.get("name_en", ""),
        "address_km": row.get("address_km", ""),
        "address_en": row.get("address_en", ""),
        "latitude": latitude,
        "longitude": longitude,
        "phones": phones,
        "email": email,
        "website": website,
        "telegram": telegram,
        "open_on_public_holidays": holidays in YES,
    }
    candidate = Facility(**{**values, "code": code})
    try:
        candidate.full_clean(
            # Already reported above, in the importer's own words.
            exclude=["code", "type", "area", "institution", *empty_required],
            validate_unique=False,
            validate_constraints=False,
        )
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            problems.extend(f"{name}: {message}" for message in messages)
    if problems:
        return CheckedRow(None, [], False, list(dict.fromkeys(problems)))
    changed = any(getattr(facility, name) != value for name, value in values.items())
    for name, value in values.items():
        setattr(facility, name, value)
    return CheckedRow(facility, intervals, changed, [])


def _coordinates(row: dict[str, str], problems: list[str]) -> tuple[Decimal | None, Decimal | None]:
    values: list[Decimal | None] = []
    for column in ("latitude", "longitude"):
        try:
            values.append(parse_coordinate(row.get(column, "")))
        except ValidationError as error:
            problems.append(f"{column}: {' '.join(error.messages)}")
            values.append(None)
    latitude, longitude = values
    if (latitude is None) != (longitude is None) and not problems:
        problems.append(_("Give both latitude and longitude, or neither."))
    return latitude, longitude


def _phones(text: str, problems: list[str]) -> list[str]:
    numbers: list[str] = []
    for item in text.replace(",", PHONE_SEPARATOR).split(PHONE_SEPARATOR):
        if not item.strip():
            continue
        try:
            numbers.append(normalise_phone(item))
        except ValidationError as error:
            problems.append(f"phones: {' '.join(error.messages)}")
    return numbers


def _checked(value: str, validator, column: str, problems: list[str]) -> str:
    if not value:
        return ""
    try:
        validator(value)
    except ValidationError as error:
        problems.append(f"{column}: {' '.join(error.messages)}")
    return value


def check_import_facilities(rows: list[tuple[int, dict[str, str]]]) -> ImportReport:
    """Check every row, save the good ones (created or updated), report the bad ones."""
    report = ImportReport()
    lookups = _lookups(rows)
    seen: dict[str, int] = {}
    good: list[CheckedRow] = []
    for line, row in rows:
        checked = check_row(row, lookups)
        code = row.get("code", "")
        if code and code in seen:
            checked.problems.append(
                _("code %(code)s is already on line %(line)s.") % {"code": code, "line": seen[code]}
            )
        seen.setdefault(code, line)
        if checked.problems or checked.facility is None:
            report.errors.append(RowError(line, checked.problems))
            continue
        good.append(checked)
    _save(good, report)
    return report


@transaction.atomic
def _save(good: list[CheckedRow], report: ImportReport) -> None:
    for checked in good:
        facility, intervals = checked.facility, checked.intervals
        if facility is None:  # the caller keeps only the rows that make a facility
            continue
        is_new = facility.pk is None
        hours_changed = is_new or sorted(intervals) != sorted(
            Interval(h.weekday, h.opens, h.closes) for h in facility.hours.all()
        )
        if is_new:
            facility.save()
            report.created += 1
        elif checked.changed or hours_changed:
            facility.save(update_fields=[*SAVED_FIELDS, "updated_at"])
            report.updated += 1
        else:
            report.unchanged += 1
            continue
        if hours_changed:
            facility.hours.all().delete()
            OpeningHours.objects.bulk_create(
                [OpeningHours(facility=facility, **interval._asdict()) for interval in intervals]
            )
