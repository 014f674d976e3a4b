"""Lighthouse mobile scores for the home, addiction and glossary pages, served as Read the Docs
serves them (gzip-compressed), printed as a table.

    .venv/bin/python bench/lighthouse.py            # build, serve, measure
    .venv/bin/python bench/lighthouse.py --runs 3   # median of three runs per page

Builds the site (as Read the Docs does, with the local server's address as the
canonical address) into _build/lighthouse/, serves it on 127.0.0.1 with a tiny
compressing static server, and runs ``npx lighthouse@12.2.3`` (npm; Lighthouse 13
needs Node 22) with CHROME_PATH=/usr/bin/chromium. Reports are kept in
_build/lighthouse/reports/.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import json
import mimetypes
import os
import statistics
import subprocess
import sys
import threading
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "_build" / "lighthouse"
LIGHTHOUSE = "lighthouse@12.2.3"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
PAGES = {"home": "index.html", "addiction": "specialties/addiction.html", "glossary": "glossary.html"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = {
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "text/plain",
    "application/xml",
    "text/xml",
}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it, like a real host."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        body = path.read_bytes()
        compress = (kind in COMPRESSIBLE or kind.startswith("text/")) and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        )
        if compress:
            body = gzip.compress(body, 6)
        self.send_response(200)
        self.send_header(
            "Content-Type",
            kind
            + (
                "; charset=utf-8"
                if kind.startswith("text/") or kind.endswith(("javascript", "json", "xml"))
                else ""
            ),
        )
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=1200")
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)

    def log_message(self, format, *args):  # noqa: A002
        pass


class _Body:
    """The file-like object SimpleHTTPRequestHandler copies to the socket."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        chunk, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return chunk

    def close(self) -> None:
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def build(site: Path, base_url: str) -> None:
    env = {**os.environ, "READTHEDOCS": "True", "READTHEDOCS_CANONICAL_URL": base_url}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-T",
            "-W",
            "--keep-going",
            "-b",
            "html",
            "-q",
            "-d",
            str(OUT / "doctrees"),
            "-D",
            "language=en",
            str(ROOT),
            str(site),
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        sys.exit(f"the site did not build:\n{result.stderr}")


def lighthouse(url: str, report: Path) -> dict[str, int]:
    env = {**os.environ, "CHROME_PATH": CHROME}
    result = subprocess.run(
        [
            "npx",
            "-y",
            LIGHTHOUSE,
            url,
            "--form-factor=mobile",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--output=json",
            f"--output-path={report}",
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode or not report.is_file():
        sys.exit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    data = json.loads(report.read_text())
    return {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median is shown)")
    args = parser.parse_args()

    site = OUT / "html"
    reports = OUT / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    server, base = serve(site)  # the port is known before building: it is the canonical address
    build(site, base)
    print(f"Lighthouse {LIGHTHOUSE.split('@')[1]}, mobile, gzip-compressed, {args.runs} run(s) per page\n")
    print(f"{'page':<11}" + "".join(f"{c:>16}" for c in CATEGORIES))
    for label, page in PAGES.items():
        runs = [lighthouse(base + page, reports / f"{label}-{i}.json") for i in range(args.runs)]
        scores = {c: int(statistics.median(r[c] for r in runs)) for c in CATEGORIES}
        print(f"{label:<11}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES))
        failed = json.loads((reports / f"{label}-0.json").read_text())["audits"]
        misses = sorted(
            key
            for key, audit in failed.items()
            if audit.get("score") is not None
            and audit["score"] < 0.9
            and audit.get("scoreDisplayMode") in ("binary", "numeric")
        )
        if misses:
            print(f"{'':<11}below 0.9: {', '.join(misses)}")
    server.shutdown()


if __name__ == "__main__":
    main()
