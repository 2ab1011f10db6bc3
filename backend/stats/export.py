"""CSV and XLSX writers over lazily generated report rows.

CSV is produced row by row as the client reads it. XLSX is a zip whose directory is written
last, so it cannot be sent before it is complete: openpyxl's write-only mode writes each row
straight to a temporary file (memory stays flat however many rows), and the finished file is
then sent in chunks.
"""

import csv
import io
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import IO, Any, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from backend.core.money import money_str
from backend.stats.reports import Sheet

CHUNK = 64 * 1024
MONEY_FORMAT = "#,##0.00"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return money_str(value)
    return str(value)


def csv_stream(columns: list[str], rows: Iterable[list[Any]]) -> Iterator[bytes]:
    """UTF-8 with a byte-order mark, so Excel opens the Chinese names correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(columns)
    for count, row in enumerate(rows, 1):
        writer.writerow([_text(v) for v in row])
        if count % 500 == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def _cells(sheet: WriteOnlyWorksheet, row: list[Any]) -> list[Any]:
    out: list[Any] = []
    for value in row:
        if isinstance(value, Decimal):
            cell = WriteOnlyCell(sheet, value=cast(Any, value))
            cell.number_format = MONEY_FORMAT
            out.append(cell)
        elif isinstance(value, date):
            cell = WriteOnlyCell(sheet, value=cast(Any, value))
            cell.number_format = "yyyy-mm-dd"
            out.append(cell)
        else:
            out.append(value)
    return out


def write_xlsx(sheets: list[Sheet]) -> IO[bytes]:
    workbook = Workbook(write_only=True)
    for spec in sheets:
        sheet = workbook.create_sheet(spec.title)
        sheet.append(spec.columns)
        for row in spec.rows:
            sheet.append(_cells(sheet, row))
    # Left open on purpose: file_chunks reads and closes it as the response is sent.
    target = tempfile.TemporaryFile()  # noqa: SIM115
    workbook.save(target)
    target.seek(0)
    return target


def file_chunks(handle: IO[bytes]) -> Iterator[bytes]:
    try:
        while chunk := handle.read(CHUNK):
            yield chunk
    finally:
        handle.close()
