"""Hand-made workbooks for the reader's tests: small on disk, as big inside as needed.

A zip archive is written byte by byte (``write_zip``) so that a member can repeat one
compressed block many times: a 1.5 GB sheet costs a few megabytes on disk and about a
second to write, because the block is compressed once. That is how the hostile files
of issue 10 are made (a sheet expanding to gigabytes, a value in XFD1048576, one huge
cell, millions of rows); the same writer makes the small well-formed files beside them
(an .xlsx with inline strings, an .ods without its ``mimetype`` entry).

Nothing here imports the code under test.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ODS_MANIFEST",
    "ODS_NAMESPACES",
    "Piece",
    "cell_ref",
    "inline_cell",
    "ods_file",
    "write_zip",
    "xlsx_file",
]

_DOS_TIME = 0
_DOS_DATE = (2024 - 1980) << 9 | 1 << 5 | 1


@dataclass(frozen=True)
class Piece:
    """``data`` written ``count`` times in a row."""

    data: bytes
    count: int = 1


def _deflated(pieces: Sequence[Piece]) -> tuple[list[tuple[bytes, int]], int, int, int]:
    """Each piece compressed once on its own (a full flush makes the block independent
    of what comes before it, so it can be repeated), then the final empty block."""
    blocks: list[tuple[bytes, int]] = []
    crc = size = 0
    for piece in pieces:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        blocks.append(
            (compressor.compress(piece.data) + compressor.flush(zlib.Z_FULL_FLUSH), piece.count)
        )
        for _ in range(piece.count):
            crc = zlib.crc32(piece.data, crc)
        size += len(piece.data) * piece.count
    blocks.append((zlib.compressobj(9, zlib.DEFLATED, -15).flush(zlib.Z_FINISH), 1))
    compressed = sum(len(block) * count for block, count in blocks)
    return blocks, crc, compressed, size


def write_zip(
    path: Path,
    members: Iterable[tuple[str, Sequence[Piece]]],
    *,
    claims: dict[str, int] | None = None,
) -> Path:
    """A zip archive of deflated members, each given as pieces (no member over 4 GB).

    ``claims``: a size to write in a member's headers instead of its own (a lie)."""
    central = b""
    count = 0
    with path.open("wb") as out:
        for name, pieces in members:
            blocks, crc, compressed, size = _deflated(pieces)
            size = (claims or {}).get(name, size)
            encoded = name.encode()
            offset = out.tell()
            fields = (20, 0x800, 8, _DOS_TIME, _DOS_DATE, crc, compressed, size, len(encoded))
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + encoded)
            for block, repeat in blocks:
                for _ in range(repeat):
                    out.write(block)
            central += (
                struct.pack("<IH", 0x02014B50, 20)
                + struct.pack("<HHHHHIIIHHHHHII", *fields, 0, 0, 0, 0, 0, offset)
                + encoded
            )
            count += 1
        start = out.tell()
        out.write(central)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), start, 0))
    return path


def cell_ref(row: int, column: int) -> str:
    """``(1, 1)`` is ``A1``, ``(1048576, 16384)`` is ``XFD1048576``."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"


def inline_cell(text: str, ref: str | None = None) -> str:
    """A text cell with its text inside the sheet (no shared strings part needed)."""
    at = f' r="{ref}"' if ref else ""
    return f'<c{at} t="inlineStr"><is><t>{text}</t></is></c>'


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>'
)
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def xlsx_file(
    path: Path,
    rows: Sequence[Piece],
    *,
    dimension: str | None = None,
    sheet: str = "Sheet1",
    shared_strings: Sequence[Piece] = (),
    claimed_sheet_size: int | None = None,
) -> Path:
    """An .xlsx of one sheet whose ``<sheetData>`` holds ``rows`` (``<row>`` elements),
    with ``shared_strings`` (``<si>`` elements) as its shared strings part if given."""
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{_MAIN_NS}" '
        f'xmlns:r="{_REL_NS}"><sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/>'
        "</sheets></workbook>"
    )
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{_MAIN_NS}">'
    if dimension:
        head += f'<dimension ref="{dimension}"/>'
    head += "<sheetData>"
    sheet_xml = [Piece(head.encode()), *rows, Piece(b"</sheetData></worksheet>")]
    members: list[tuple[str, Sequence[Piece]]] = [
        ("[Content_Types].xml", [Piece(_CONTENT_TYPES.encode())]),
        ("_rels/.rels", [Piece(_ROOT_RELS.encode())]),
        ("xl/workbook.xml", [Piece(workbook.encode())]),
        ("xl/_rels/workbook.xml.rels", [Piece(_WORKBOOK_RELS.encode())]),
        ("xl/worksheets/sheet1.xml", sheet_xml),
    ]
    if shared_strings:
        strings = [
            Piece(f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN_NS}">'.encode())
        ]
        members.append(("xl/sharedStrings.xml", [*strings, *shared_strings, Piece(b"</sst>")]))
    claims = {} if claimed_sheet_size is None else {"xl/worksheets/sheet1.xml": claimed_sheet_size}
    return write_zip(path, members, claims=claims)


ODS_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def ods_file(
    path: Path,
    rows: Sequence[Piece],
    *,
    sheet: str = "Sheet1",
    mimetype: bool = True,
    manifest: bool = True,
) -> Path:
    """An .ods of one table whose rows are ``rows`` (``<table:table-row>`` elements);
    without ``mimetype`` (or the manifest) as some tools write it."""
    head = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODS_NAMESPACES} '
        f'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="{sheet}">'
    )
    tail = b"</table:table></office:spreadsheet></office:body></office:document-content>"
    members: list[tuple[str, Sequence[Piece]]] = []
    if mimetype:
        members.append(("mimetype", [Piece(_ODS_MIMETYPE)]))
    if manifest:
        members.append(("META-INF/manifest.xml", [Piece(ODS_MANIFEST.encode())]))
    members.append(("content.xml", [Piece(head.encode()), *rows, Piece(tail)]))
    return write_zip(path, members)
