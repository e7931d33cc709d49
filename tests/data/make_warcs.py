"""Writes the WARC test inputs: a crawl holding the Harbour Herald page, and a damaged copy.

Run: python tests/data/make_warcs.py (the outputs are committed; rerun only to change them).
"""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent / "inputs"
PAGE = (HERE / "good" / "harbour-news.html").read_bytes()
URL = "https://www.harbourherald.example/news/2024/05/ferry-terminal"


def _records(writer: WARCWriter) -> None:
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
    req = StatusAndHeaders("GET /news/2024/05/ferry-terminal HTTP/1.1", [("Host", "www.harbourherald.example")],
                           is_http_request=True)
    writer.write_record(writer.create_warc_record(URL, "request", http_headers=req))
    for url, status, ctype, body in [
        (URL, "200 OK", "text/html; charset=utf-8", PAGE),
        ("https://www.harbourherald.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("https://www.harbourherald.example/gone", "404 Not Found", "text/html", b"<html>gone</html>"),
    ]:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": "2024-05-20T10:00:00Z"}))


def main() -> None:
    buf = io.BytesIO()
    _records(WARCWriter(buf, gzip=True))
    (HERE / "good" / "crawl.warc.gz").write_bytes(buf.getvalue())
    # damaged copy: the good records, then a record whose compressed bytes were overwritten on disk
    tail = io.BytesIO()
    writer = WARCWriter(tail, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(URL + "?page=2", "response", payload=io.BytesIO(PAGE), http_headers=headers))
    member = bytearray(tail.getvalue())
    member[40:400] = bytes(range(256)) + bytes(range(104))
    (HERE / "bad" / "broken.warc.gz").write_bytes(buf.getvalue() + bytes(member))


if __name__ == "__main__":
    main()
