"""The real extent of each sheet of an .xls, read before calamine builds its grids.

An .xls (Excel 97-2003, BIFF) is not compressed, but calamine builds every sheet of it
on opening, each as a grid from A1 to its farthest value: one stray value in IV65536
makes a 16-million-cell grid, a gigabyte and seconds per sheet. So the workbook
stream is read here first (the file is an OLE compound file: a FAT of sectors, a
directory, a mini stream for small streams) and its cell records scanned for the
farthest row and column of each sheet; ``sheet_guard.check_extent`` refuses a sheet
over the limits. What cannot be read here is left to calamine, which says "damaged".
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path

__all__ = ["xls_extents"]

_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_MAX_SECTORS = 1 << 22  # a chain longer than the file can hold is a loop
# BIFF records that hold a cell value; each starts with its row and column (u16 each).
_CELLS = frozenset({0x0006, 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E, 0x00D6})
_MULRK = 0x00BD  # several RK cells of one row: row, first column, ..., last column
_BOF, _EOF, _BOUNDSHEET = 0x0809, 0x000A, 0x0085


class _Broken(Exception):
    """The compound file or the stream is not what it should be."""


def xls_extents(path: Path) -> list[tuple[str, int, int]]:
    """Each worksheet's name, last row and last column with a value (1-based, 0 when
    empty); an empty list when the file cannot be read here."""
    try:
        data = path.read_bytes()
        return _extents(_workbook_stream(data))
    except (_Broken, struct.error, IndexError, OSError, UnicodeDecodeError):
        return []


# ------------------------------------------------------------ OLE compound file


def _workbook_stream(data: bytes) -> bytes:
    if not data.startswith(_SIGNATURE) or len(data) < 512:
        raise _Broken
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if not 7 <= shift <= 16 or not 2 <= mini_shift < shift:
        raise _Broken
    size = 1 << shift
    fat_count, directory_start = struct.unpack_from("<II", data, 0x2C)
    cutoff, mini_fat_start, _, difat_start, difat_count = struct.unpack_from("<IIIII", data, 0x38)

    def sector(number: int) -> bytes:
        offset = (number + 1) << shift
        if offset + size > len(data) + size:  # the last sector may be short
            raise _Broken
        return data[offset : offset + size]

    fat_sectors = list(struct.unpack_from("<109I", data, 0x4C))
    next_difat = difat_start
    for _ in range(difat_count):
        block = struct.unpack(f"<{size // 4}I", sector(next_difat).ljust(size, b"\0"))
        fat_sectors += block[:-1]
        next_difat = block[-1]
    fat_bytes = b"".join(sector(n) for n in fat_sectors[:fat_count])
    fat = struct.unpack(f"<{len(fat_bytes) // 4}I", fat_bytes)

    def chain(start: int, table: tuple[int, ...]) -> Iterator[int]:
        for _ in range(_MAX_SECTORS):
            if start >= len(table) and start != _END_OF_CHAIN:
                raise _Broken
            if start == _END_OF_CHAIN:
                return
            yield start
            start = table[start]
        raise _Broken

    directory = b"".join(sector(n) for n in chain(directory_start, fat))
    entries = [directory[i : i + 128] for i in range(0, len(directory) - 127, 128)]
    root = entries[0]
    stream = None
    for entry in entries:
        length = min(struct.unpack_from("<H", entry, 0x40)[0], 64)
        name = entry[: max(length - 2, 0)].decode("utf-16-le")
        if entry[0x42] == 2 and name in {"Workbook", "Book"}:
            stream = entry
            break
    if stream is None:
        raise _Broken
    start, stream_size = struct.unpack_from("<IQ", stream, 0x74)
    stream_size &= 0xFFFFFFFF
    if stream_size >= cutoff:
        body = b"".join(sector(n) for n in chain(start, fat))
        return body[:stream_size]
    # A small stream lives in the mini stream (the root entry's chain), by mini FAT.
    mini_size = 1 << mini_shift
    mini_stream = b"".join(sector(n) for n in chain(struct.unpack_from("<I", root, 0x74)[0], fat))
    mini_fat_bytes = b"".join(sector(n) for n in chain(mini_fat_start, fat))
    mini_fat = struct.unpack(f"<{len(mini_fat_bytes) // 4}I", mini_fat_bytes)
    body = b"".join(
        mini_stream[n * mini_size : (n + 1) * mini_size] for n in chain(start, mini_fat)
    )
    return body[:stream_size]


# --------------------------------------------------------------------- BIFF records


def _records(stream: bytes) -> Iterator[tuple[int, int, bytes]]:
    """(offset, type, data) of each record."""
    position = 0
    while position + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, position)
        yield position, kind, stream[position + 4 : position + 4 + length]
        position += 4 + length


def _extents(stream: bytes) -> list[tuple[str, int, int]]:
    names: dict[int, str] = {}  # a worksheet's BOF offset -> its name
    extents: list[tuple[str, int, int]] = []
    current: list[int] | None = None  # [name's offset, last row, last column]
    nested = 0  # substreams open inside the current sheet (a chart in it)
    biff8 = False
    for offset, kind, record in _records(stream):
        if kind == _BOUNDSHEET and len(record) >= 8:
            names[struct.unpack_from("<I", record)[0]] = _sheet_name(record, biff8)
        elif kind == _BOF and offset == 0:
            biff8 = len(record) >= 2 and struct.unpack_from("<H", record)[0] == 0x0600
        elif kind == _BOF and current is not None:
            nested += 1
        elif kind == _BOF:
            current = [offset, 0, 0] if offset in names else None
        elif kind == _EOF and nested:
            nested -= 1
        elif kind == _EOF and current is not None:
            extents.append((names[current[0]], current[1], current[2]))
            current = None
        elif current is not None and len(record) >= 4:
            if kind in _CELLS:
                row, column = struct.unpack_from("<HH", record)
            elif kind == _MULRK and len(record) >= 6:
                row = struct.unpack_from("<H", record)[0]
                column = struct.unpack_from("<H", record, len(record) - 2)[0]
            else:
                continue
            current[1] = max(current[1], row + 1)
            current[2] = max(current[2], column + 1)
    return extents


def _sheet_name(record: bytes, biff8: bool) -> str:
    """A BOUNDSHEET's name (for messages only: a character it cannot read is replaced)."""
    length = record[6]
    if not biff8:  # BIFF5: bytes in the workbook's code page
        return record[7 : 7 + length].decode("cp1252", "replace")
    if record[7] & 1:  # UTF-16
        return record[8 : 8 + 2 * length].decode("utf-16-le", "replace")
    return record[8 : 8 + length].decode("latin-1")  # "compressed": one byte each
