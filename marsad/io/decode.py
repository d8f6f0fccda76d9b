"""Bytes to text, line by line, on evidence: UTF-8, UTF-16 and Windows-1256.

The encoding of a file is chosen on evidence from the whole input (a BOM; the
share of 0x00/0x06 high bytes for UTF-16; how many valid multi-byte UTF-8
characters against invalid sequences, and how Arabic the Windows-1256 reading
is), never on the first decode error. The input is then split into lines at
its newlines (b"\\n" in UTF-8 and Windows-1256, an aligned U+000A in UTF-16) and
each line is decoded on its own, so a bad byte costs one U+FFFD in its line and
nothing elsewhere:

- invalid bytes are replaced by U+FFFD (one per maximal invalid sequence, as
  every browser does) and the line gets one warning naming the byte offset of
  the first one in the input;
- a line that carries clear evidence of the other 8-bit encoding (a line of
  Windows-1256 Arabic in a UTF-8 file, or valid multi-byte UTF-8 in a
  Windows-1256 file) is read in that encoding, with a warning.

Nothing else is changed: the lines joined with "\\n" are the decoded input.
"""
from __future__ import annotations

import codecs
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass

UTF8, UTF16LE, UTF16BE, CP1256 = "utf-8", "utf-16-le", "utf-16-be", "cp1256"
NAMES = {UTF8: "UTF-8", UTF16LE: "UTF-16", UTF16BE: "UTF-16", CP1256: "Windows-1256"}
UTF16_HIGH_BYTE_SHARE = 0.8   # share of 0x00/0x06 bytes at odd (LE) or even (BE) positions
UTF16_LOW_ZERO_SHARE = 0.2    # at most this share of 0x00 bytes at the other positions
ARABIC_SHARE = 0.7            # of the non-ASCII characters of a Windows-1256 reading
MIN_LINE_EVIDENCE = 3         # invalid UTF-8 sequences before one line may be read as Windows-1256
REPLACEMENT = "\ufffd"
ARABIC_RUN = re.compile("[\u0600-\u06ff]+")


@dataclass(frozen=True, slots=True)
class Line:
    number: int        # 1-based
    text: str          # decoded, without its "\n" (a "\r" before it is kept)
    warning: str = ""  # what decoding this line had to do, "" if nothing


_errors = threading.local()


def _record(exc: UnicodeDecodeError) -> tuple[str, int]:
    """The `marsad.replace` error handler: `errors="replace"` that also notes where."""
    _errors.starts.append(exc.start)
    return REPLACEMENT, exc.end


codecs.register_error("marsad.replace", _record)


def decode_noting(data: bytes, encoding: str) -> tuple[str, list[int]]:
    """`data` decoded with invalid sequences replaced by U+FFFD, and the byte offsets where."""
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError:
        pass
    _errors.starts = starts = []
    try:
        return data.decode(encoding, "marsad.replace"), starts
    finally:
        _errors.starts = []


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _arabic_share(text: str) -> float:
    """Share of Arabic-block characters among the non-ASCII ones (0 if none)."""
    n = _non_ascii(text)
    return (len(text) - len(ARABIC_RUN.sub("", text))) / n if n else 0.0


def _utf8_evidence(data: bytes) -> tuple[int, int, str]:
    """(valid non-ASCII characters, invalid sequences, the text with replacements)."""
    text, bad = decode_noting(data, UTF8)
    return _non_ascii(text) - len(bad), len(bad), text


def _looks_cp1256(data: bytes, good: int, bad: int, min_bad: int = 1) -> bool:
    """More invalid UTF-8 than valid, and Arabic when read as Windows-1256."""
    return bad >= min_bad and bad > good and _arabic_share(data.decode(CP1256)) >= ARABIC_SHARE


def detect(data: bytes) -> tuple[str, int]:
    """(encoding, length of its byte-order mark) on evidence from the whole input."""
    if data.startswith(codecs.BOM_UTF8):
        return UTF8, 3
    if data.startswith(codecs.BOM_UTF16_LE):
        return UTF16LE, 2
    if data.startswith(codecs.BOM_UTF16_BE):
        return UTF16BE, 2
    if len(data) >= 4:
        # Arabic or Latin UTF-16: the high bytes are nearly all 0x00 or 0x06, the low bytes
        # nearly never 0x00 (runs of NUL bytes, as in binary data, have zeros at both).
        for encoding, high, low in ((UTF16LE, data[1::2], data[0::2]), (UTF16BE, data[0::2], data[1::2])):
            if ((high.count(0) + high.count(6)) > UTF16_HIGH_BYTE_SHARE * len(high)
                    and low.count(0) < UTF16_LOW_ZERO_SHARE * len(low)):
                return encoding, 0
    try:
        data.decode(UTF8)
        return UTF8, 0
    except UnicodeDecodeError:
        pass
    good, bad, _ = _utf8_evidence(data)
    return (CP1256 if _looks_cp1256(data, good, bad) else UTF8), 0


def _line_spans(data: bytes, start: int, encoding: str) -> Iterator[tuple[int, int]]:
    """(start, end) byte ranges of the lines, without their newline."""
    if encoding in (UTF16LE, UTF16BE):
        newline = b"\n\x00" if encoding == UTF16LE else b"\x00\n"
        pos = start
        at = data.find(newline, pos)
        while at != -1:
            if (at - start) % 2 == 0:  # a newline code unit, not two halves of others
                yield pos, at
                pos = at + 2
            at = data.find(newline, at + 1)
        yield pos, len(data)
        return
    pos = start
    at = data.find(b"\n", pos)
    while at != -1:
        yield pos, at
        pos = at + 1
        at = data.find(b"\n", pos)
    yield pos, len(data)


def _decode_line(chunk: bytes, offset: int, encoding: str) -> tuple[str, str]:
    """(text, warning) of one line of an input read as `encoding`.

    A line's own evidence can overrule the input's 8-bit encoding: more valid multi-byte
    UTF-8 characters than invalid sequences make it UTF-8 (in a Windows-1256 file too),
    and a line of invalid UTF-8 that reads as Arabic in Windows-1256 is that."""
    text, bad = decode_noting(chunk, UTF8 if encoding == CP1256 else encoding)
    if encoding not in (UTF8, CP1256):
        return text, _replaced(encoding, offset, bad)
    good = _non_ascii(text) - len(bad)
    if encoding == CP1256:
        if good >= 2 and good > len(bad):  # UTF-8, not Windows-1256 mojibake
            return text, "; ".join(filter(None, ("line read as UTF-8 (the rest of the input is Windows-1256)",
                                                 _replaced(UTF8, offset, bad))))
        return chunk.decode(CP1256), ""
    if bad and _looks_cp1256(chunk, good, len(bad), MIN_LINE_EVIDENCE):
        return chunk.decode(CP1256), "line read as Windows-1256 (not UTF-8, unlike the rest of the input)"
    return text, _replaced(UTF8, offset, bad)


def _replaced(encoding: str, offset: int, bad: list[int]) -> str:
    """The warning for invalid sequences at these offsets of a line starting at `offset`."""
    if not bad:
        return ""
    many = f" ({len(bad)} invalid sequences)" if len(bad) > 1 else ""
    return f"invalid {NAMES[encoding]} at byte {offset + bad[0]}{many} replaced with U+FFFD"


def decode_lines(data: bytes) -> tuple[str, list[Line]]:
    """(encoding chosen for the input, its lines decoded one by one)."""
    encoding, bom = detect(data)
    if encoding != CP1256:
        try:  # the common case: the whole input is clean
            text = data[bom:].decode(encoding)
        except UnicodeDecodeError:
            pass
        else:
            return encoding, [Line(n, part) for n, part in enumerate(text.split("\n"), 1)]
    lines = []
    for n, (start, end) in enumerate(_line_spans(data, bom, encoding), 1):
        text, warning = _decode_line(data[start:end], start, encoding)
        lines.append(Line(n, text, warning))
    return encoding, lines


def decode_range(data: bytes, encoding: str, first_line: int, offset: int) -> list[Line]:
    """The lines of `data`, a piece of a larger input starting at the start of its line
    `first_line`, `offset` bytes into it, read as `encoding` (`detect` of the whole input, an
    8-bit one: UTF-8 or Windows-1256): the lines `decode_lines` gives for that stretch of the
    whole input, with the same numbers and warnings (byte offsets counted from the input's start).
    Dask reads a large JSONL file in such pieces (marsad/dask/partitions.py)."""
    if encoding == UTF8:
        try:
            text = data.decode(UTF8)
        except UnicodeDecodeError:
            pass
        else:
            return [Line(n, part) for n, part in enumerate(text.split("\n"), first_line)]
    lines = []
    for n, (start, end) in enumerate(_line_spans(data, 0, encoding), first_line):
        text, warning = _decode_line(data[start:end], offset + start, encoding)
        lines.append(Line(n, text, warning))
    return lines
