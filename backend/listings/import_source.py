"""Reading an import file into rows: CSV or JSON Lines, each row with its line number.

Parsing only: values stay as written (CSV cells are strings) and are checked later
against the same draft schemas the API uses. Problems with the file as a whole (not
UTF-8, no header, duplicate columns, too many rows) raise ``ImportFileError``; a line
that cannot be read (bad JSON) becomes a row carrying its error, so the report can
name its line beside the others.
"""

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from backend.core.errors import Unprocessable

ImportFormat = Literal["csv", "jsonl"]

MAX_ROWS = 5000
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")


class ImportFileError(Unprocessable):
    code = "bad_import_file"


@dataclass(frozen=True)
class SourceRow:
    line: int  # 1-based line where the row starts; the CSV header is line 1
    values: dict[str, Any]
    error: str | None = None


@dataclass(frozen=True)
class RowsSource:
    name: str
    format: ImportFormat
    rows: list[SourceRow]
    columns: tuple[str, ...] = ()  # a CSV file's header; JSON Lines name their fields per line

    @classmethod
    def from_bytes(cls, data: bytes, *, name: str = "upload", format: ImportFormat | None = None) -> "RowsSource":
        try:
            # utf-8-sig drops the byte-order mark Excel writes in front of "CSV UTF-8" files.
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"{name} is not UTF-8 text (byte {exc.start}); save it as 'CSV UTF-8' or JSON Lines"
            ) from exc
        if "\x00" in text:
            raise ImportFileError(f"{name} contains NUL bytes; it does not look like a text file")
        fmt = format or detect_format(name, text)
        rows, columns = (_jsonl_rows(text), ()) if fmt == "jsonl" else _csv_rows(text, name)
        if not rows:
            raise ImportFileError(f"{name} holds no data rows")
        if len(rows) > MAX_ROWS:
            raise ImportFileError(f"{name} has {len(rows)} rows; import at most {MAX_ROWS} at a time")
        return cls(name=name, format=fmt, rows=rows, columns=columns)

    @classmethod
    def from_path(cls, path: Path, *, format: ImportFormat | None = None) -> "RowsSource":
        return cls.from_bytes(path.read_bytes(), name=path.name, format=format)


def detect_format(name: str, text: str) -> ImportFormat:
    """By the file name when it says, else by the first character: JSON Lines start with '{'."""
    lowered = name.lower()
    if lowered.endswith(".csv"):
        return "csv"
    if lowered.endswith(_JSONL_SUFFIXES):
        return "jsonl"
    return "jsonl" if text.lstrip().startswith("{") else "csv"


def _jsonl_rows(text: str) -> list[SourceRow]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            # Parsed as the API parses a body, so a line is valid here exactly when it is there.
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            rows.append(SourceRow(number, {}, f"not valid JSON: {exc.msg} (column {exc.colno})"))
            continue
        if not isinstance(value, dict):
            rows.append(SourceRow(number, {}, "each line must hold one JSON object"))
            continue
        rows.append(SourceRow(number, value))
    return rows


def _header(cells: list[str], name: str) -> list[str]:
    header = [cell.strip() for cell in cells]
    if any(not column for column in header):
        raise ImportFileError(f"{name}: the header row has an empty column name")
    duplicates = sorted({column for column in header if header.count(column) > 1})
    if duplicates:
        raise ImportFileError(f"{name}: the header names these columns twice: {', '.join(duplicates)}")
    return header


def _csv_rows(text: str, name: str) -> tuple[list[SourceRow], tuple[str, ...]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    rows = []
    last_line = 0
    try:
        for cells in reader:
            # A quoted cell may span lines: the record starts after the previous one ended.
            start, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = _header(cells, name)
                continue
            if len(cells) > len(header):
                rows.append(SourceRow(start, {}, f"has {len(cells)} cells but the header names {len(header)} columns"))
                continue
            rows.append(SourceRow(start, dict(zip(header, cells, strict=False))))
    except csv.Error as exc:
        raise ImportFileError(f"{name}: line {reader.line_num} is not valid CSV: {exc}") from exc
    if header is None:
        raise ImportFileError(f"{name} is empty; the first line must name the columns")
    return rows, tuple(header)
