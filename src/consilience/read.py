"""The read stage: whatever the user has (files, directories, globs, stdin) in, raw documents out.

This module owns finding inputs, naming documents, sniffing formats, decoding bytes (charset
detection), and turning HTML (trafilatura), JSON/JSONL records and WARC captures into
:class:`~consilience.model.RawDocument`. Every unusable input becomes a RawDocument whose ``skipped``
holds a reason from :data:`consilience.errors.SKIP_REASONS`; this module never raises for bad input.

It does not clean text (see :mod:`consilience.clean`): mojibake repair and normalisation happen there,
so that the offset map covers them.
"""

from __future__ import annotations

import glob
import gzip
import hashlib
import io
import json
import os
import re
import signal
import sys
import threading
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO, Iterator, Sequence
from urllib.parse import urlsplit

from .errors import skip_message
from .model import Published, RawDocument

__all__ = ["ReadOptions", "read_inputs", "read_bytes", "decode_bytes", "html_to_raw", "reader_versions", "read_stats"]

#: The fields tried, in order, when the configured field is left at its default and missing.
_FIELD_FALLBACKS = {
    "text": ("text", "content", "body", "article", "articleBody", "maintext", "full_text", "html"),
    "title": ("title", "headline", "name"),
    "url": ("url", "link", "uri", "source_url", "canonical_url"),
    "date": ("date", "published", "date_publish", "datePublished", "published_at", "pubdate", "publish_date",
             "date_published", "created_at", "timestamp"),
    "source": ("source", "site", "site_name", "outlet", "publisher", "domain", "source_name"),
}

_TEXT_SUFFIXES = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                  ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
                  ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".warc": "warc", ".arc": "warc"}

# File signatures of formats that are never text.
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x7fELF", b"BM", b"RIFF",
          b"\x00\x00\x01\x00", b"OggS", b"ID3", b"fLaC", b"\x1a\x45\xdf\xa3", b"7z\xbc\xaf", b"Rar!",
          b"BZh", b"\xfd7zXZ", b"\x28\xb5\x2f\xfd", b"wOFF", b"wOF2", b"\x00\x01\x00\x00\x00", b"MZ")

_HTML_SNIFF = re.compile(r"^\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                         r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article)\b", re.IGNORECASE | re.DOTALL)
_ISO_DATE = re.compile(r"((?:19|20)\d\d)(?:-(\d\d)(?:-(\d\d))?)?")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadOptions:
    """How inputs are read. Defaults are the tested behaviour.

    Attributes:
        max_bytes: an input (or one record or capture) larger than this is skipped as too large.
        text_field, title_field, url_field, date_field, source_field: field names in JSON/JSONL records;
            left at their defaults, common alternatives ("content", "headline", "link", ...) are tried too.
        timeout_s: per-document time bound for HTML extraction (enforced with a timer signal in the
            main thread; elsewhere only the size limit protects).
        html_fast: use trafilatura's fast mode (no fallback extractors); it scored as well on real pages.
        html_retry_below: when fast mode finds fewer characters than this, run the full mode too and
            keep the longer text.
        include_comments: keep readers' comments found by trafilatura.
        include_hidden: read dot-files and dot-directories found inside directories.
    """

    max_bytes: int = 20_000_000
    text_field: str = "text"
    title_field: str = "title"
    url_field: str = "url"
    date_field: str = "date"
    source_field: str = "source"
    timeout_s: float = 10.0
    html_fast: bool = True
    html_retry_below: int = 1000
    include_comments: bool = False
    include_hidden: bool = False


def reader_versions() -> dict:
    """Versions of the libraries whose output feeds the documents, for the dossier's stats."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("trafilatura", "htmldate", "charset-normalizer", "ftfy", "warcio", "lxml"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def read_stats(raws: Sequence[RawDocument]) -> dict:
    """Counts for the dossier: documents by format, skipped by reason, warnings by kind (keys sorted)."""
    formats: dict[str, int] = {}
    skipped: dict[str, int] = {}
    warnings: dict[str, int] = {}
    for raw in raws:
        formats[raw.format] = formats.get(raw.format, 0) + 1
        if raw.skipped:
            key = raw.skipped.split(":", 1)[0]
            skipped[key] = skipped.get(key, 0) + 1
        for w in raw.warnings:
            key = w.split(":", 1)[0].split(" (", 1)[0]
            warnings[key] = warnings.get(key, 0) + 1
    return {"documents": len(raws), "formats": dict(sorted(formats.items())),
            "skipped_reasons": dict(sorted(skipped.items())), "warnings": dict(sorted(warnings.items())),
            "readers": reader_versions()}


# --------------------------------------------------------------------------------------------- inputs

@dataclass(frozen=True, slots=True)
class _Task:
    id: str
    origin: str
    path: str | None  # None for stdin
    missing: str | None = None  # skip reason key when the input names nothing readable
    detail: str = ""


def _walk(directory: str, options: ReadOptions) -> list[str]:
    found = []
    for root, dirs, files in os.walk(directory):
        if not options.include_hidden:
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            files = [f for f in files if not f.startswith(".")]
        found.extend(os.path.join(root, f) for f in files)
    return sorted(found)


def _rel_id(path: str, base: str) -> str:
    return os.path.relpath(path, base).replace(os.sep, "/")


def _expand(inputs: Sequence[str], options: ReadOptions) -> list[_Task]:
    tasks: list[_Task] = []
    for given in inputs:
        if given == "-":
            tasks.append(_Task("-", "-", None))
        elif os.path.isdir(given):
            found = _walk(given, options)
            tasks.extend(_Task(_rel_id(p, given), p, p) for p in found)
            if not found:
                tasks.append(_Task(given, given, None, "empty", "the directory holds no files"))
        elif os.path.lexists(given):
            tasks.append(_Task(os.path.basename(given.rstrip("/\\")) or given, given, given))
        elif glob.has_magic(given):
            matches = sorted(glob.glob(given, recursive=True))
            if not matches:
                tasks.append(_Task(given, given, None, "not-found"))
            for m in matches:
                if os.path.isdir(m):
                    tasks.extend(_Task(_rel_id(p, m), p, p) for p in _walk(m, options))
                else:
                    tasks.append(_Task(os.path.basename(m), m, m))
        else:
            tasks.append(_Task(given, given, None, "not-found"))
    # the same file reached twice (a directory and a path inside it) is read once
    unique: dict[str, _Task] = {}
    for t in tasks:
        key = os.path.realpath(t.path) if t.path else f"\0{t.origin}\0{t.id}"
        if key not in unique or (t.id, t.origin) < (unique[key].id, unique[key].origin):
            unique[key] = t
    tasks = list(unique.values())
    # two different files with the same name: name both by the path as given
    counts: dict[str, int] = {}
    for t in tasks:
        counts[t.id] = counts.get(t.id, 0) + 1
    fixed = []
    for t in tasks:
        if counts[t.id] > 1 and t.path:
            fixed.append(_Task(os.path.normpath(t.origin).replace(os.sep, "/"), t.origin, t.path, t.missing, t.detail))
        else:
            fixed.append(t)
    return sorted(fixed, key=lambda t: (t.id, t.origin))


def read_inputs(
    inputs: Sequence[str], options: ReadOptions = ReadOptions(), *, stdin: BinaryIO | None = None
) -> list[RawDocument]:
    """Read paths, directories (recursively), globs and "-" (stdin) into raw documents sorted by id.

    Never raises for a bad input: it comes back as a RawDocument with ``skipped`` set.
    """
    docs: list[RawDocument] = []
    for task in _expand(inputs, options):
        try:
            docs.extend(_read_task(task, options, stdin))
        except Exception as exc:  # a reader bug must not stop the run: report the input instead
            docs.append(_skip(task.id, task.origin, "unreadable", f"{type(exc).__name__}: {exc}"))
    docs.sort(key=lambda d: d.id)
    return docs


def _skip(doc_id: str, origin: str, reason: str, detail: str = "", fmt: str = "text") -> RawDocument:
    return RawDocument(id=doc_id, source=doc_id, text="", origin=origin, format=fmt,
                       skipped=skip_message(reason, detail))


def _read_task(task: _Task, options: ReadOptions, stdin: BinaryIO | None) -> list[RawDocument]:
    if task.missing:
        return [_skip(task.id, task.origin, task.missing, task.detail or task.origin)]
    if task.path is None:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            return [_skip("stdin", "-", "too-large", f"more than {options.max_bytes} bytes")]
        doc_id = "stdin-" + hashlib.sha256(data).hexdigest()[:12]
        return read_bytes(data, doc_id=doc_id, origin="-", fmt=None, options=options, stdin=True)
    try:
        size = os.path.getsize(task.path)
        if size > options.max_bytes and not task.path.lower().endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
            return [_skip(task.id, task.origin, "too-large", f"{size} bytes > {options.max_bytes}")]
        fmt = _format_from_name(task.path)
        if fmt == "warc":
            return _read_warc(task, options)
        with open(task.path, "rb") as fh:
            data = fh.read(options.max_bytes + 1)
    except FileNotFoundError:
        return [_skip(task.id, task.origin, "not-found", task.origin)]
    except OSError as exc:
        return [_skip(task.id, task.origin, "unreadable", exc.strerror or type(exc).__name__)]
    if task.path.lower().endswith(".gz"):
        try:
            data = _gunzip(data, options.max_bytes)
        except _TooLarge:
            return [_skip(task.id, task.origin, "too-large", f"more than {options.max_bytes} bytes once decompressed")]
        except (OSError, EOFError, zlib.error) as exc:
            return [_skip(task.id, task.origin, "undecodable", f"not a valid gzip file: {exc}")]
    if len(data) > options.max_bytes:
        return [_skip(task.id, task.origin, "too-large", f"more than {options.max_bytes} bytes")]
    return read_bytes(data, doc_id=task.id, origin=task.origin, fmt=fmt, options=options)


class _TooLarge(Exception):
    pass


def _gunzip(data: bytes, limit: int) -> bytes:
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
        while chunk := fh.read(1 << 20):
            out.write(chunk)
            if out.tell() > limit:
                raise _TooLarge
    return out.getvalue()


def _format_from_name(path: str) -> str | None:
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return _TEXT_SUFFIXES.get(os.path.splitext(name)[1])


# ------------------------------------------------------------------------------------------- decoding

def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return False
    if head.startswith(_MAGIC):
        return True
    return b"\x00" in head


#: What a Western European text in Windows-1252 holds beyond ASCII: letters, and the typographic marks
#: (quotes, dashes, the euro and pound signs, ...) that news uses.
_WESTERN_MARKS = frozenset("“”‘’„‚–—…€£¥¢«»‹›•·°±×÷©®™§¶¿¡ºª\u00a0")


def _western(data: bytes) -> str | None:
    """``data`` decoded as Windows-1252 when it reads as Western European text, else None.

    Encoding detectors guess poorly on short texts: a French or English page in Windows-1252 came out as
    Baltic cp775 ("cafķ"). Text that is not UTF-8 is taken as Windows-1252 (the superset of Latin-1 that
    browsers assume) when every character beyond ASCII is a letter or a typographic mark and such
    letters are a minority of the letters (accents inside words, not whole words in another script:
    Cyrillic or Greek bytes read as Windows-1252 give words made only of accented letters). Other text is
    left to the detector.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    sample = text[:200_000]
    extra = [c for c in sample if c > "\x7f"]
    if not extra or not all(c.isalpha() or c in _WESTERN_MARKS for c in extra):
        return None
    letters = sum(1 for c in sample if c.isalpha())
    return text if 4 * sum(1 for c in extra if c.isalpha()) <= letters else None


def decode_bytes(data: bytes) -> tuple[str | None, str | None, str]:
    """Text of ``data`` as ``(text, None, encoding)``, or ``(None, reason, detail)`` when it is not text."""
    if not data:
        return None, "empty", ""
    if _looks_binary(data):
        return None, "binary", ""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), None, enc
            except UnicodeDecodeError:
                return None, "undecodable", f"invalid {enc}"
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError:
        western = _western(data)
        if western is not None:
            return western, None, "cp1252"
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is None or best.encoding is None:
            return None, "undecodable", "no likely encoding"
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            return None, "undecodable", f"not valid {best.encoding}"
        enc = best.encoding
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(3, len(sample) // 100):
        return None, "binary", "control characters"
    return text, None, enc


def read_bytes(data: bytes, *, doc_id: str, origin: str, fmt: str | None = None, options: ReadOptions = ReadOptions(),
               stdin: bool = False) -> list[RawDocument]:
    """Raw documents from the bytes of one input; ``fmt`` None means sniff (text, HTML or JSONL)."""
    if fmt == "warc":
        return _read_warc_stream(io.BytesIO(data), doc_id, origin, options)
    if fmt is None and data[:2] == b"\x1f\x8b" or data[:4] == b"WARC":
        if data[:2] == b"\x1f\x8b":
            try:
                data = _gunzip(data, options.max_bytes)
            except _TooLarge:
                return [_skip(doc_id, origin, "too-large", f"more than {options.max_bytes} bytes once decompressed")]
            except (OSError, EOFError, zlib.error) as exc:
                return [_skip(doc_id, origin, "undecodable", f"not a valid gzip file: {exc}")]
        if data[:4] == b"WARC":
            return _read_warc_stream(io.BytesIO(data), doc_id, origin, options)
    text, reason, enc = decode_bytes(data)
    sniffed = fmt or ("stdin" if stdin else "text")
    if text is None:
        return [_skip(doc_id, origin, reason or "undecodable", enc, sniffed)]  # enc holds the detail here
    if not text.strip():
        return [_skip(doc_id, origin, "whitespace-only", "", sniffed)]
    warnings = () if enc in ("utf-8", "utf-8-sig", "ascii") else (f"decoded as {enc} (detected)",)
    if fmt is None:
        fmt = _sniff(text)
    if fmt == "html":
        doc = html_to_raw(text, doc_id=doc_id, origin=origin, options=options)
        return [_replace(doc, warnings=warnings + doc.warnings) if warnings else doc]
    if fmt in ("jsonl", "json"):
        return _read_records(text, doc_id, origin, fmt, options)
    if fmt == "text" and stdin:
        fmt = "stdin"
    return [RawDocument(id=doc_id, source=doc_id, text=text, origin=origin, format=fmt, warnings=warnings)]


def _sniff(text: str) -> str:
    """The format of an input named by no telling extension: html, jsonl, json or text."""
    if _HTML_SNIFF.match(text[:4096]):
        return "html"
    head = text.lstrip()
    if head.startswith("{"):
        first = head.split("\n", 1)[0]
        try:
            json.loads(first)
            return "jsonl"
        except json.JSONDecodeError:
            pass
        try:
            json.loads(head)
            return "json"
        except json.JSONDecodeError:
            return "text"
    if head.startswith("["):
        try:
            json.loads(head)
            return "json"
        except json.JSONDecodeError:
            return "text"  # "[Updated] ..." is a line of text, not broken JSON
    return "text"


# ------------------------------------------------------------------------------------- JSON records

def _field(record: dict, name: str, default: str):
    if name in record:
        return record[name]
    if name == default:
        for alt in _FIELD_FALLBACKS[default]:
            if alt in record:
                return record[alt]
    return None


def _declared_date(value) -> Published:
    if value is None:
        return Published()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        import datetime as _dt

        try:
            stamp = float(value) / (1000.0 if value > 1e11 else 1.0)
            day = _dt.datetime.fromtimestamp(stamp, tz=_dt.timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return Published()
        return Published(date=day, how="declared", why="record timestamp")
    text = str(value).strip()
    m = _ISO_DATE.match(text)
    if m:
        y, mo, d = m.groups()
        if mo and not 1 <= int(mo) <= 12:
            return Published()
        date = y + (f"-{mo}" if mo else "") + (f"-{d}" if mo and d else "")
        return Published(date=date, how="declared", why=None)
    from .clean import _month_day

    md = _month_day(text)
    if md and md[0]:
        y, mo, d = md
        return Published(date=f"{y:04d}-{mo:02d}-{d:02d}", how="declared", why=None)
    return Published()


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _read_records(text: str, name: str, origin: str, fmt: str, options: ReadOptions) -> list[RawDocument]:
    out: list[RawDocument] = []
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            return [_skip(name, origin, "bad-json", f"line {exc.lineno}: {exc.msg}", fmt)]
        if isinstance(data, dict):
            return [_record(data, name, origin, fmt, options)]
        if not isinstance(data, list):
            return [_skip(name, origin, "bad-record", "a JSON file must hold an object or an array of objects", fmt)]
        return [_record(rec, f"{name}:{i}", origin, fmt, options) for i, rec in enumerate(data, 1)]
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        rid = f"{name}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(_skip(rid, origin, "bad-json", f"line {lineno}, column {exc.colno}: {exc.msg}", fmt))
            continue
        out.append(_record(rec, rid, origin, fmt, options))
    if not out:
        return [_skip(name, origin, "empty", "no records", fmt)]
    return out


def _record(rec, rid: str, origin: str, fmt: str, options: ReadOptions) -> RawDocument:
    if not isinstance(rec, dict):
        return _skip(rid, origin, "bad-record", f"a record must be a JSON object, not {type(rec).__name__}", fmt)
    text = _field(rec, options.text_field, "text")
    title = _field(rec, options.title_field, "title")
    url = _field(rec, options.url_field, "url")
    date = _field(rec, options.date_field, "date")
    source = _field(rec, options.source_field, "source")
    title = str(title).strip() if isinstance(title, (str, int, float)) and str(title).strip() else None
    url = url.strip() if isinstance(url, str) and url.strip() else None
    source = str(source).strip() if isinstance(source, str) and source.strip() else None
    if text is None:
        return _skip(rid, origin, "missing-text-field", f"no {options.text_field!r} field", fmt)
    if not isinstance(text, str):
        return _skip(rid, origin, "bad-record", f"field {options.text_field!r} is {type(text).__name__}, not text", fmt)
    if len(text.encode("utf-8", "surrogatepass")) > options.max_bytes:
        return _skip(rid, origin, "too-large", f"text over {options.max_bytes} bytes", fmt)
    if not text.strip():
        return _skip(rid, origin, "whitespace-only" if text else "empty", f"field {options.text_field!r}", fmt)
    published = _declared_date(date)
    if _HTML_SNIFF.match(text[:4096]) and "</" in text:
        doc = html_to_raw(text, doc_id=rid, origin=origin, url=url, options=options)
        if doc.skipped:
            return doc
        return RawDocument(
            id=rid, source=source or doc.source, text=doc.text, origin=origin, url=url or doc.url,
            title=title or doc.title, published=published if published.date else doc.published,
            format=fmt, warnings=doc.warnings,
        )
    return RawDocument(id=rid, source=source or _host(url) or rid, text=text, origin=origin, url=url, title=title,
                       published=published, format=fmt)


# ------------------------------------------------------------------------------------------------ HTML

class _Timeout(BaseException):  # not Exception: libraries that catch Exception must not swallow it
    pass


@contextmanager
def _time_bound(seconds: float) -> Iterator[None]:
    """Raise _Timeout in the block after ``seconds``; only where a timer signal can be used."""
    usable = (
        seconds and seconds > 0 and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def _alarm(signum, frame):
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_META_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "article:published", "datepublished",
    "publishdate", "publish-date", "publish_date", "pubdate", "parsely-pub-date", "sailthru.date", "dc.date",
    "dc.date.issued", "dcterms.created", "dcterms.issued", "date", "citation_publication_date",
    "og:published_time", "published_time", "article.published", "cxenseparse:recs:publishtime",
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{4,40})"')
_TITLE_SPLIT = re.compile(r"\s+[|–—·:»-]\s+")


def _html_meta(tree) -> dict:
    """Title, site name, canonical URL and declared date from the page's head, without a full pass."""
    meta: dict[str, str] = {}
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key and content and key not in meta:
            meta[key] = content
    out: dict = {}
    title_el = tree.find(".//title")
    html_title = " ".join((title_el.text_content() if title_el is not None else "").split())
    site = meta.get("og:site_name") or meta.get("application-name") or meta.get("publisher")
    title = meta.get("og:title") or meta.get("twitter:title") or meta.get("title") or meta.get("headline")
    if not title and html_title:
        parts = _TITLE_SPLIT.split(html_title)
        if len(parts) > 1:
            if site:
                parts = [p for p in parts if p.strip().lower() != site.strip().lower()] or parts
            title = max(parts, key=len)
        else:
            title = html_title
    if not title:
        h1 = tree.find(".//h1")
        if h1 is not None:
            title = " ".join(h1.text_content().split())
    out["title"] = " ".join(title.split()) if title else None
    out["site"] = site
    author = (meta.get("author") or meta.get("article:author") or meta.get("byl") or meta.get("dc.creator")
              or meta.get("parsely-author") or meta.get("sailthru.author"))
    out["author"] = " ".join(author.split()) if author and not author.startswith("http") else None
    canonical = None
    for link in tree.iterfind(".//link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            canonical = link.get("href").strip()
            break
    out["url"] = canonical or meta.get("og:url")
    date = None
    for key in _META_DATE_KEYS:
        if key in meta:
            date = meta[key]
            break
    if date is None:
        for script in tree.iterfind(".//script"):
            if (script.get("type") or "").lower() == "application/ld+json" and script.text:
                m = _JSONLD_DATE.search(script.text)
                if m:
                    date = m.group(1)
                    break
    if date is None:
        for el in tree.iterfind(".//time"):
            if el.get("datetime") and (el.get("pubdate") is not None or "publish" in (el.get("class") or "").lower()):
                date = el.get("datetime")
                break
    out["date"] = date
    return out


def html_to_raw(html: str | bytes, *, doc_id: str, origin: str, url: str | None = None,
                options: ReadOptions = ReadOptions(), fmt: str = "html") -> RawDocument:
    """One HTML page reduced to its main text (trafilatura) with title, URL, site and declared date."""
    import trafilatura
    from trafilatura.utils import load_html

    try:
        with _time_bound(options.timeout_s):
            tree = load_html(html)
            if tree is None:
                return _skip(doc_id, origin, "no-text", "the HTML could not be parsed", fmt)
            meta = _html_meta(tree)
            published = _declared_date(meta["date"]) if meta["date"] else Published()
            if not published.date:
                published = _htmldate(html, url or meta["url"])
            text = trafilatura.extract(
                tree, url=url or meta["url"], fast=options.html_fast, include_comments=options.include_comments,
                include_tables=True, output_format="txt",
            )
            if options.html_fast and len(text or "") < options.html_retry_below:
                # fast mode sometimes keeps only a fragment of the page; the full mode's fallback
                # extractors recover it, and a short result makes the second pass cheap to afford
                full = trafilatura.extract(
                    html, url=url or meta["url"], fast=False, include_comments=options.include_comments,
                    include_tables=True, output_format="txt",
                )
                if full and len(full) > len(text or ""):
                    text = full
    except _Timeout:
        return _skip(doc_id, origin, "timeout", f"over {options.timeout_s:g} s", fmt)
    except (ValueError, TypeError, AttributeError) as exc:  # malformed markup deep in lxml/trafilatura
        return _skip(doc_id, origin, "no-text", f"extraction failed: {type(exc).__name__}", fmt)
    if not text or not text.strip():
        return _skip(doc_id, origin, "no-text", "no main text in the page", fmt)
    page_url = url or meta["url"]
    source = meta["site"] or _host(page_url) or doc_id
    return RawDocument(id=doc_id, source=source, text=text, origin=origin, url=page_url, title=meta["title"],
                       published=published, format=fmt, author=meta.get("author"))


def _htmldate(html: str | bytes, url: str | None) -> Published:
    """The publication date htmldate finds (its fast search), when the page's metadata declares none."""
    try:
        from htmldate import find_date

        found = find_date(html, extensive_search=False, original_date=True, url=url)
    except Exception:  # htmldate is a best effort: a failure only means no date
        return Published()
    if not found:
        return Published()
    return Published(date=found, how="extracted", why="htmldate found it in the page markup")


# ------------------------------------------------------------------------------------------------ WARC

def _read_warc(task: _Task, options: ReadOptions) -> list[RawDocument]:
    with open(task.path, "rb") as fh:
        return _read_warc_stream(fh, task.id, task.origin, options)


def _read_warc_stream(stream: BinaryIO, name: str, origin: str, options: ReadOptions) -> list[RawDocument]:
    from warcio.archiveiterator import ArchiveIterator

    docs: list[RawDocument] = []
    unused: dict[str, int] = {}
    n = 0
    try:
        for record in ArchiveIterator(stream, check_digests=False):
            n += 1
            why = _warc_unused(record)
            if why:
                unused[why] = unused.get(why, 0) + 1
                continue
            rid = f"{name}:{n}"
            target = record.rec_headers.get_header("WARC-Target-URI")
            body = record.content_stream().read(options.max_bytes + 1)
            if len(body) > options.max_bytes:
                detail = f"capture of {target} over {options.max_bytes} bytes"
                docs.append(_skip(rid, origin, "too-large", detail, "warc"))
                continue
            html, reason, detail = decode_bytes(body)
            if html is None:
                docs.append(_skip(rid, origin, reason or "undecodable", f"{target} {detail}".strip(), "warc"))
                continue
            doc = html_to_raw(html, doc_id=rid, origin=origin, url=target, options=options, fmt="warc")
            if not doc.skipped and not doc.published.date:
                captured = (record.rec_headers.get_header("WARC-Date") or "")[:10]
                if _ISO_DATE.fullmatch(captured):
                    doc = _replace(doc, published=Published(date=captured, how="inferred",
                                                            why="WARC capture date (the page is at least this old)"))
            docs.append(doc)
    except Exception as exc:  # warcio raises several types for a damaged archive
        docs.append(_skip(f"{name}:{n + 1}", origin, "bad-record",
                          f"damaged WARC record after record {n} ({type(exc).__name__}); "
                          "the rest of the file is not read",
                          "warc"))
    if unused:
        note = "warc records not used: " + ", ".join(f"{k} {v}" for k, v in sorted(unused.items()))
        if docs:
            docs[0] = _replace(docs[0], warnings=docs[0].warnings + (note,))
        else:
            docs.append(_skip(name, origin, "no-text", note, "warc"))
    elif not docs:
        if _has_bytes(stream):
            docs.append(_skip(name, origin, "bad-record", "no readable WARC record: the file is damaged, truncated "
                              "or not a WARC", "warc"))
        else:
            docs.append(_skip(name, origin, "empty", "no WARC records", "warc"))
    return docs


def _has_bytes(stream: BinaryIO) -> bool:
    """Whether a WARC stream held any bytes at all (an empty file and a damaged one read alike)."""
    try:
        return stream.seek(0, io.SEEK_END) > 0
    except (OSError, ValueError):
        return True  # not seekable (a pipe): cannot tell, so say what is likelier for a named WARC


def _warc_unused(record) -> str | None:
    """Why a WARC record gives no document, or None for an HTML response worth reading."""
    if record.rec_type not in ("response", "resource"):
        return f"{record.rec_type} record"
    if record.rec_type == "response":
        if record.http_headers is None:
            return "response without HTTP headers"
        status = record.http_headers.get_statuscode()
        if status != "200":
            return f"HTTP status {status}"
        ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    else:
        ctype = (record.rec_headers.get_header("Content-Type") or "").lower()
    if "html" not in ctype:
        return f"not HTML ({ctype.split(';')[0] or 'no content type'})"
    return None


def _replace(doc: RawDocument, **changes) -> RawDocument:
    from dataclasses import replace

    return replace(doc, **changes)
