"""``make livehtml``: sphinx-autobuild, with rebuilds that skip Python's start-up.

sphinx-autobuild runs ``python -m sphinx`` afresh after every save. On this site,
starting Python and importing Sphinx, MyST, Furo and the other packages is half of a
one-page rebuild (``bench/parts.py`` measures both ways), so a save shows in the
browser in under a second (the README's promise) rather than over it. Here a small build server starts with
the preview, imports those packages once, and runs each rebuild in a process forked
from itself: each build still starts clean (nothing carries over from one build to
the next), and the site's own extension (``_ext/practice``) is imported by each
build, so an edit to it is seen at the next rebuild. Watching the files, serving
the pages and reloading the browser are sphinx-autobuild's own. On Linux only (see
``main``); elsewhere this is plain sphinx-autobuild.

    python tools/livehtml.py [sphinx-autobuild arguments]    (what make livehtml runs)
"""

from __future__ import annotations

import atexit
import importlib
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from multiprocessing.connection import Client, Listener
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_ext"))
# sphinx-autobuild's internals used here (see _ext/upstream/); never the site's extension.
from upstream.sphinx_autobuild import (
    Builder,
    main as autobuild_main,
    run_commands,
    show_command,
    show_message,
    use_builder,
)

# Imported once by the build server: the third-party packages a build of this site
# loads (conf.py's extensions and what the site's extension uses), never the site's own.
PRELOAD = [
    "sphinx.cmd.build",
    "sphinx.builders.html",
    "sphinx.environment",
    "myst_parser.sphinx_ext.main",
    "myst_parser.parsers.sphinx_",
    "sphinx_design",
    "furo",
    "sphinxext.opengraph",
    "sphinx_sitemap",
    "notfound.extension",
    "yaml",
    "pyphen",
    "tinycss2",
    "rcssmin",
    "rjsmin",
]


# -- The build server (a process of its own) ------------------------------------------


def _build(args: list[str]) -> None:
    from sphinx.cmd.build import build_main

    sys.exit(build_main(args))


def _exit_with_parent() -> None:
    """Stop when the preview stops: it holds our stdin open, so a read ends then."""
    while os.read(0, 1024):
        pass
    os._exit(0)


def serve(address: str) -> None:
    """Import the packages, then build once per request, each time in a fresh fork."""
    for name in PRELOAD:
        importlib.import_module(name)
    import pyphen

    pyphen.Pyphen(lang="en_US")  # pyphen keeps the dictionaries it loads; the site uses them
    pyphen.Pyphen(lang="es")
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    fork = multiprocessing.get_context("fork")
    with Listener(address, family="AF_UNIX") as listener:
        while True:
            with listener.accept() as connection:
                process = fork.Process(target=_build, args=(connection.recv(),))
                process.start()
                process.join()
                connection.send(process.exitcode)


# -- The preview's side ----------------------------------------------------------------


class WarmBuilder(Builder):
    """sphinx-autobuild's builder, asking the build server to build.

    sphinx-autobuild calls it in a process of its own for each change, so it keeps
    only the server's address (it is pickled on the way there).
    """

    def __init__(self, sphinx_args: list[str], **kwargs) -> None:
        super().__init__(sphinx_args, **kwargs)
        folder = tempfile.mkdtemp(prefix="livehtml-")
        self.address = str(Path(folder) / "build.sock")
        self.server = subprocess.Popen(
            [sys.executable, __file__, "--serve", self.address], stdin=subprocess.PIPE
        )
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        atexit.register(self.close)
        while not Path(self.address).exists():
            if self.server.poll() is not None:
                raise SystemExit("The preview's build server could not start (see above).")
            time.sleep(0.05)

    def __getstate__(self) -> dict:
        return {name: value for name, value in vars(self).items() if name != "server"}

    def close(self) -> None:
        """Stop the build server."""
        if self.server.poll() is None:
            self.server.terminate()
            self.server.wait()

    def __call__(self, *, changed_paths: Sequence[Path]) -> None:
        if changed_paths:
            names = ", ".join(path.name for path in changed_paths[:5] if path.exists())
            show_message(f"Detected changes ({names})" if names else "Detected changes")
            show_message("Rebuilding...")
        if run_commands(self, self.pre_build_commands, "pre-build") != 0:
            return
        show_command(["sphinx-build", *self.sphinx_args])
        exit_code = self.build()
        if exit_code != 0:
            print(
                f"Sphinx exited with exit code: {exit_code}\n"
                "The preview still shows the last good build. Fix the problem named "
                "above and save again, or press Ctrl+C to stop."
            )
        else:
            run_commands(self, self.post_build_commands, "post-build")
        show_message(f"Serving on {self.uri}")

    def build(self) -> int:
        """Build once, in the build server; the build's exit code."""
        with Client(self.address, family="AF_UNIX") as connection:
            connection.send(list(self.sphinx_args))
            return connection.recv()


def main(argv: list[str]) -> None:
    if argv[:1] == ["--serve"]:
        serve(argv[1])
        return
    # Forking a process that has imported libraries is safe on Linux; on macOS Python's
    # documentation calls it unsafe, and Windows cannot fork: there (and anywhere else)
    # the preview is plain sphinx-autobuild, about half a second slower per save.
    if sys.platform.startswith("linux"):
        use_builder(WarmBuilder)  # sphinx-autobuild has no setting for its builder
    autobuild_main(argv)


if __name__ == "__main__":
    main(sys.argv[1:])
