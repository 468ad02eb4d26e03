"""Reading price files: CSV (UTF-8, with or without a byte-order mark) or XLSX (the
first sheet), into rows keyed by the lower-cased header names."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import IO, Any

from openpyxl import load_workbook

MAX_FILE_BYTES = 20 * 1024 * 1024


class UnreadableFile(ValueError):
    pass


def read_rows(stream: IO[bytes], name: str) -> Iterator[dict[str, Any]]:
    """Yield each data row as {header: value}; UnreadableFile if it cannot be read."""
    if name.lower().endswith(".xlsx"):
        yield from _xlsx_rows(stream)
    else:
        yield from _csv_rows(stream)


def _csv_rows(stream: IO[bytes]) -> Iterator[dict[str, Any]]:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    try:
        reader = csv.reader(text)
        header = [h.strip().lower() for h in next(reader, [])]
        for row in reader:
            if any(cell.strip() for cell in row):
                yield dict(zip(header, row, strict=False))
    except (UnicodeDecodeError, csv.Error) as error:
        raise UnreadableFile(str(error)) from error


def _xlsx_rows(stream: IO[bytes]) -> Iterator[dict[str, Any]]:
    try:
        book = load_workbook(stream, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise UnreadableFile(str(error)) from error
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [str(h or "").strip().lower() for h in next(rows, ())]
    for row in rows:
        if any(cell not in (None, "") for cell in row):
            yield dict(zip(header, row, strict=False))
    book.close()
