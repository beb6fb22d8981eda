"""What a workbook file really is, and what calamine needs to read an .ods.

Offices rename files: an .xlsx saved as "list.xls" by a web system, an .ods called
.xlsx, a web page (HTML) or a CSV named .xls, an "Excel 2003 XML" file. calamine
chooses its reader by the name, so ``workbook_kind`` looks at the file itself (its
first bytes, and for a zip its entries) and says which reader to use, or refuses it
with what it really is and what to do.

Some tools write an .ods without the ``mimetype`` entry (or the manifest) that
calamine insists on: ``ods_with_mimetype`` rewrites it in memory with them. And
calamine reports no merged cells for .ods: ``ods_merged_cells`` reads them from the
XML.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from crm_desktop.errors import InvalidInput
from crm_desktop.services.sheet_guard import unreadable

__all__ = ["damaged", "ods_merged_cells", "ods_with_mimetype", "workbook_kind"]

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_SIGNATURE = b"PK\x03\x04"
_SNIFF_BYTES = 4096


def damaged(path: Path) -> InvalidInput:
    return unreadable(
        path,
        "فایل خراب است یا فایل صفحه‌گسترده نیست.",
        "the file is damaged or is not a spreadsheet.",
    )


def workbook_kind(path: Path, head: bytes) -> str:
    """``"xlsx"``, ``"ods"`` or ``"xls"``: the reader for ``path``, whatever its name
    says; ``head`` is its first bytes. Anything else is refused with what it is."""
    if head.startswith(OLE_SIGNATURE):
        return "xls"  # an encrypted .xlsx is an OLE container too; the caller knows
    if head.startswith(_ZIP_SIGNATURE):
        return _zip_kind(path)
    raise _not_a_workbook(path, head)


def _zip_kind(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        raise damaged(path) from None
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "content.xml" in names:
        return "ods"
    if "word/document.xml" in names:
        raise unreadable(
            path,
            "این یک سند Word است، نه صفحه‌گسترده.",
            "it is a Word document, not a spreadsheet.",
        )
    if "xl/workbook.bin" in names:
        raise unreadable(
            path,
            "این فایل Excel دودویی (xlsb) است؛ آن را در Excel با قالب xlsx ذخیره کنید.",
            "it is an Excel binary workbook (.xlsb); save it as .xlsx in Excel.",
        )
    raise unreadable(
        path,
        "فایل فشرده (zip) است ولی صفحه‌گسترده نیست.",
        "it is a zip archive but not a spreadsheet.",
    )


def _not_a_workbook(path: Path, head: bytes) -> InvalidInput:
    """What a file with a workbook's name but neither zip nor OLE inside is."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"urn:schemas-microsoft-com:office:spreadsheet" in text:
        return unreadable(
            path,
            "این «صفحه‌گستردهٔ XML» قدیمی Excel (2003) است؛ آن را در Excel با قالب xlsx ذخیره کنید.",
            "it is an old Excel 2003 XML spreadsheet; save it as .xlsx in Excel.",
        )
    if text.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")) or b"<html" in text:
        return unreadable(
            path,
            "این یک صفحهٔ وب (HTML) با نام صفحه‌گسترده است؛ آن را در Excel باز کنید و "
            "با قالب xlsx ذخیره کنید.",
            "it is a web page (HTML) with a spreadsheet's name; open it in Excel and save "
            "it as .xlsx.",
        )
    if head and _is_text(head):
        return unreadable(
            path,
            f"این یک فایل متنی (CSV) است با پسوند {path.suffix}؛ پسوند آن را csv کنید.",
            f"it is a text (CSV) file named {path.suffix}; rename it to .csv.",
        )
    return damaged(path)


def _is_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end
            try:
                head.decode("cp1256")
            except UnicodeDecodeError:
                return False
    return not any(byte < 9 or 13 < byte < 32 for byte in head)


def sniff_head(path: Path) -> bytes:
    """The first bytes of ``path``, enough to tell what it is."""
    with path.open("rb") as f:
        return f.read(_SNIFF_BYTES)


# -------------------------------------------------------------------------- .ods


def ods_with_mimetype(path: Path) -> io.BytesIO:
    """An .ods without the ``mimetype`` (or manifest) entry other tools leave out,
    rewritten in memory with them, as calamine requires (the file is checked already,
    so what is copied is bounded)."""
    copy = io.BytesIO()
    try:
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as target:
            names = set(source.namelist())
            if "mimetype" not in names:
                target.writestr("mimetype", _ODS_MIMETYPE, compress_type=zipfile.ZIP_STORED)
            if "META-INF/manifest.xml" not in names:
                target.writestr("META-INF/manifest.xml", _ODS_MANIFEST)
            for info in source.infolist():
                with source.open(info) as member, target.open(info.filename, "w") as out:
                    while chunk := member.read(_ODS_CHUNK):
                        out.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError):
        raise damaged(path) from None
    copy.seek(0)
    return copy


_ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"
_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
    f'manifest:media-type="{_ODS_MIMETYPE}"/><manifest:file-entry '
    'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_CELLS = frozenset({f"{_ODS_TABLE}table-cell", f"{_ODS_TABLE}covered-table-cell"})
# A cell merged over more than one row (horizontal merges say number-rows-spanned="1").
_ODS_ROW_SPAN = re.compile(rb'number-rows-spanned="(?!1")')
_ODS_CHUNK = 1 << 20


def ods_merged_cells(path: Path, sheet: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The cells of ``sheet`` merged over several rows in an .ods file, as calamine
    reports them for .xlsx: ``((top, left), (bottom, right))``, 0-based.

    The file's XML is parsed only when it has such a merge at all. Any problem here
    means "no merges": the cells themselves have been read already.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            with archive.open("content.xml") as content:
                tail = b""
                while chunk := content.read(_ODS_CHUNK):
                    if _ODS_ROW_SPAN.search(tail + chunk):
                        break
                    tail = chunk[-64:]
                else:
                    return []
            with archive.open("content.xml") as content:
                return _ods_row_spans(
                    ElementTree.iterparse(content, events=("start", "end")), sheet
                )
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception:
        return []


def _ods_row_spans(
    events: Iterator[tuple[str, Any]], sheet: str
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = []
    depth = row = column = 0  # depth: tables open inside the wanted one, itself 1
    for event, element in events:
        tag = element.tag
        if event == "start":
            if tag == f"{_ODS_TABLE}table":
                if depth or element.get(f"{_ODS_TABLE}name") == sheet:
                    depth += 1
            elif depth == 1 and tag == f"{_ODS_TABLE}table-row":
                column = 0
            elif depth == 1 and tag in _ODS_CELLS:
                rows = int(element.get(f"{_ODS_TABLE}number-rows-spanned", "1"))
                if rows > 1:
                    columns = int(element.get(f"{_ODS_TABLE}number-columns-spanned", "1"))
                    merged.append(((row, column), (row + rows - 1, column + columns - 1)))
                column += int(element.get(f"{_ODS_TABLE}number-columns-repeated", "1"))
        elif tag == f"{_ODS_TABLE}table-row":
            if depth == 1:
                row += int(element.get(f"{_ODS_TABLE}number-rows-repeated", "1"))
            element.clear()  # keep memory flat on big sheets
        elif tag == f"{_ODS_TABLE}table" and depth:
            depth -= 1
            if not depth:
                break
    return merged
