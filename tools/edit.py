"""``make edit``: the browser editor on this computer's copy of the site, beside the
live preview. No GitHub account, no sign-in.

    make edit          # editor at http://127.0.0.1:8001/admin/, pages at http://127.0.0.1:8000/

It starts three things and stops them together (Ctrl+C):

- the live preview (``make livehtml``), which also builds the editor's files into
  ``_build/live/admin/`` (``_ext/practice/site/editor.py``);
- decap-server, Decap's own local proxy (pinned in package.json), which reads and
  writes the files of this folder; it listens on a port of its own that only this
  program talks to;
- this program's server on ``EDIT_PORT``: the editor's files, and decap-server's
  ``/api/v1`` forwarded on the same origin, so the editor loads and sends nothing
  anywhere else. It also serves ``/admin/local.json``, which tells the editor it is
  local (save writes the file at once, no review step) and where the live preview is.

A page created in the editor is a draft made from the same template as
``make new-page``; once it is saved, this gives it its place in the menu and in
published-urls.txt (``new_page.adopt_page``), as ``make new-page`` does.
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "_ext"))

import new_page  # noqa: E402 (after the path it is found on)

DECAP_SERVER = Path("node_modules", "decap-server", "dist", "index.js")
SAVES = {"persistEntry", "deleteFile", "deleteFiles"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_for_port(port: int, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"decap-server stopped at start (exit status {process.returncode})")
        if port_open(port):
            return
        time.sleep(0.1)
    raise RuntimeError(f"decap-server did not start on port {port} within {seconds:.0f} s")


def start_decap_server(root: Path, port: int) -> subprocess.Popen[bytes]:
    """Decap's proxy on 127.0.0.1:``port``, writing the files of ``root`` directly."""
    node = shutil.which("node")
    script = root / DECAP_SERVER
    if not node or not script.is_file():
        raise RuntimeError(
            "The editor's files are not installed. Install Node.js (with npm), then run: npm ci"
        )
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": "127.0.0.1",
        "MODE": "fs",
        "GIT_REPO_DIRECTORY": str(root),
        "LOG_LEVEL": "warn",
    }
    process = subprocess.Popen([node, str(script)], cwd=root, env=env)
    wait_for_port(port, process)
    return process


class EditorHandler(http.server.SimpleHTTPRequestHandler):
    """The built site's files (the editor at /admin/), /api/v1 forwarded to decap-server."""

    def __init__(self, *args, api: str, root: Path, preview: str, **kwargs) -> None:
        self.api = api
        self.root = root
        self.preview = preview
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base's name)
        pass

    def do_GET(self) -> None:
        if self.path.split("?")[0] == "/admin/local.json":
            self.send_json(200, {"preview": self.preview})
            return
        super().do_GET()

    def do_POST(self) -> None:
        if self.path.split("?")[0] != "/api/v1":
            self.send_error(404)
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        request = urllib.request.Request(
            self.api, data=body, headers={"Content-Type": "application/json"}, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                status, answer = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, answer = error.code, error.read()
        if status == 200 and self.action(body) in SAVES:
            self.adopt_new_drafts()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    @staticmethod
    def action(body: bytes) -> str:
        try:
            return str(json.loads(body).get("action"))
        except (ValueError, AttributeError):
            return ""

    def adopt_new_drafts(self) -> None:
        for path in new_page.new_drafts(self.root):
            try:
                docname = new_page.adopt_page(self.root, path)
            except new_page.Refusal as refusal:
                print(f"edit: {refusal}", file=sys.stderr)
            else:
                print(f"edit: {docname} is new: added to the menu and to published-urls.txt.")

    def send_json(self, status: int, value: object) -> None:
        answer = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a tab closed mid-answer
            super().handle_error(request, client_address)


class EditorServer:
    """decap-server for ``root`` and the editor of the built site ``site`` on one origin."""

    def __init__(self, root: Path, site: Path, port: int = 0, preview: str = "") -> None:
        self.decap_port = free_port()
        self.decap = start_decap_server(root, self.decap_port)
        handler = partial(
            EditorHandler,
            directory=str(site),
            api=f"http://127.0.0.1:{self.decap_port}/api/v1",
            root=root,
            preview=preview,
        )
        self.httpd = QuietServer(("127.0.0.1", port), handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.decap.terminate()
        try:
            self.decap.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.decap.kill()

    def __enter__(self) -> EditorServer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="edit", description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8000, help="the live preview's port")
    parser.add_argument("--edit-port", type=int, default=8001, help="the editor's port")
    args = parser.parse_args(argv)

    site = ROOT / "_build" / "live"
    preview = subprocess.Popen(["make", "--no-print-directory", "livehtml", f"PORT={args.port}"], cwd=ROOT)
    try:
        deadline = time.monotonic() + 600
        while not (site / "admin" / "index.html").is_file() or not port_open(args.port):
            if preview.poll() is not None:
                print("edit: the live preview stopped; its messages are above.", file=sys.stderr)
                return 1
            if time.monotonic() > deadline:
                print("edit: the site did not build within 10 minutes.", file=sys.stderr)
                return 1
            time.sleep(0.5)
        with EditorServer(ROOT, site, args.edit_port, f"http://127.0.0.1:{args.port}/"):
            print(
                f"\nThe editor: http://127.0.0.1:{args.edit_port}/admin/   "
                f"(the pages: http://127.0.0.1:{args.port}/)\n"
                "Saving in the editor writes the file here at once; the live preview shows it.\n"
                "Stop with Ctrl+C.\n"
            )
            preview.wait()
    except KeyboardInterrupt:
        pass
    except RuntimeError as problem:
        print(f"edit: {problem}", file=sys.stderr)
        return 1
    finally:
        if preview.poll() is None:
            preview.send_signal(signal.SIGINT)
            try:
                preview.wait(timeout=10)
            except subprocess.TimeoutExpired:
                preview.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
