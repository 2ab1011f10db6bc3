"""CSV and XLSX exports of a batch evaluation."""

import csv
import io
from typing import Any

from openpyxl import Workbook

from backend.policy.batch import COLUMNS


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def to_csv(rows: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in COLUMNS])
    # A byte-order mark so spreadsheet programs read the Chinese names as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(rows: list[dict[str, Any]]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("evaluation")
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([_cell(row.get(c)) for c in COLUMNS])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
