"""The browser editor at /admin/ (Decap CMS, README "The editor"), in headless Chromium
against its local backend (tools/edit.py: decap-server on the site's own origin).

One copy of the site, made a Git repository and built once with the editor's files;
after each test its files are put back as they were. The tests do what a clinician
does: sign in, open a page, type, press "Publish", "Publish now", and read the file
that was written. They also save the screenshots CONTRIBUTING.md shows, into
_build/editor-screenshots/ (``make editor-screenshots`` copies them beside it).

Without Chromium or the editor's files (``npm ci``) the tests are skipped with the
reason (a failure when CI=true).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from browser import DESKTOP, EDITOR, skip_or_fail
from conftest import NOT_SITE, ROOT, build_site

sys.path.insert(0, str(ROOT / "tools"))

import edit  # noqa: E402 (tools/ is on the path above)
from practice.data.page_kinds import render_page  # noqa: E402

SCREENSHOTS = ROOT / "_build" / "editor-screenshots"
DECAP = ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
SAVE_TIMEOUT = 15  # seconds for a save to reach the file


# -- Fixtures -------------------------------------------------------------------


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture(scope="module")
def editor_root(tmp_path_factory) -> Path:
    """A copy of the site as a Git repository, built with the editor into _build/html."""
    if not DECAP.is_file() or not shutil.which("node"):
        skip_or_fail("the editor's files are not installed; install Node.js and npm, then run: npm ci")
    root = tmp_path_factory.mktemp("editor") / "site"
    shutil.copytree(ROOT, root, ignore=shutil.ignore_patterns(*NOT_SITE))
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-qm", "site")
    built = build_site(root / "_build" / "html", source=root)
    assert built.returncode == 0, built.stderr
    return root


@pytest.fixture(scope="module")
def editor(editor_root):
    with edit.EditorServer(editor_root, editor_root / "_build" / "html") as server:
        yield server


@pytest.fixture
def context(browser, editor_root):
    context = browser.new_context(viewport=DESKTOP)
    yield context
    context.close()
    # Put the copy back as it was: the next test starts from the site as committed.
    git(editor_root, "checkout", "-q", "--", ".")
    git(editor_root, "clean", "-qfd", "-e", "node_modules")


def editor_data(root: Path) -> dict:
    return json.loads((root / "_build" / "html" / EDITOR / "editor-data.json").read_text(encoding="utf-8"))


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def open_editor(context, editor, hash_path: str = ""):
    """A new tab on the editor at ``#/hash_path``, signed in (the local backend's "Login")."""
    page = context.new_page()
    page.goto(f"{editor.origin}/{EDITOR}/#/{hash_path}")
    login = page.get_by_role("button", name="Login")
    try:
        login.wait_for(timeout=5000)
    except Exception:  # already signed in: the editor opened straight away
        return page
    login.click()
    return page


def publish(page) -> None:
    page.get_by_role("button", name="Publish").first.click()
    page.get_by_text("Publish now").click()


def wait_until(condition) -> None:
    """Until ``condition()`` holds (a save reaching the disk), or the save's timeout."""
    deadline = time.monotonic() + SAVE_TIMEOUT
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)


def wait_for_file(path: Path, expected: bytes) -> bytes:
    """The file's bytes once they equal ``expected``, or what is there after the timeout."""
    wait_until(lambda: path.is_file() and path.read_bytes() == expected)
    return path.read_bytes() if path.is_file() else b""


def type_at_end(page, keys: list[str]) -> None:
    box = page.locator("textarea.myst-text")
    box.click()
    page.keyboard.press("Control+End")
    for key in keys:
        page.keyboard.press(key)
    page.get_by_text("Unsaved changes").wait_for(timeout=5000)


# -- The editor's own files ------------------------------------------------------


def test_editor_loads_from_the_sites_own_origin_only(context, editor, editor_root):
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(f"{editor.origin}/{EDITOR}/")
    page.get_by_role("button", name="Login").wait_for(timeout=20000)
    screenshot(page, "1-sign-in")
    page.get_by_role("button", name="Login").click()
    for label in ("What we help with", "How we work", "About us", "The practice's details"):
        page.get_by_role("link", name=label).first.wait_for(timeout=20000)
    page.get_by_text("Addiction").first.wait_for(timeout=20000)
    screenshot(page, "2-pages")

    elsewhere = [
        url
        for url in requests
        if urlsplit(url).scheme in {"http", "https"} and not url.startswith(editor.origin)
    ]
    assert not elsewhere, f"the editor asked another origin for: {elsewhere}"
    assert any(url.endswith("/decap-cms.js") for url in requests)

    index = editor_root / "_build" / "html" / EDITOR / "index.html"
    head = BeautifulSoup(index.read_text(encoding="utf-8"), "html.parser")
    assert "noindex" in head.find("meta", attrs={"name": "robots"})["content"]
    policy = head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'self'" in policy and "https://api.github.com" in policy


# -- MyST survives the editor -------------------------------------------------------


def test_every_page_and_practice_yaml_save_unchanged(context, editor, editor_root):
    """Open each page, type a letter at the end and save (the file gains exactly that
    letter), then delete it and save again: the file is byte for byte what it was."""
    problems = []
    pages = editor_data(editor_root)["pages"]
    assert len(pages) >= 15
    for entry in pages:
        docname = entry["docname"]
        path = editor_root / f"{docname}.md"
        before = path.read_bytes()
        assert before.endswith(b"\n")  # Decap ends every file it writes with one
        page = open_editor(context, editor, f"collections/{entry['kind']}/entries/{docname.split('/')[-1]}")
        title = page.locator("input[id^=title]")
        title.wait_for(timeout=20000)
        # The menu's titles have typographic quotes (Sphinx's smartquotes); the file, plain.
        assert title.input_value() == entry["title"].replace("\u2019", "'"), docname

        type_at_end(page, ["x"])
        publish(page)
        if wait_for_file(path, before + b"x\n") != before + b"x\n":
            problems.append(f"{docname}: typing one letter changed more than that letter")
            path.write_bytes(before)
            page.close()
            continue
        page.get_by_text("Changes saved").first.wait_for(timeout=SAVE_TIMEOUT * 1000)
        type_at_end(page, ["Backspace", "Backspace"])
        publish(page)
        if wait_for_file(path, before) != before:
            problems.append(f"{docname}: saved unchanged, the file changed:\n{git(editor_root, 'diff')}")
            path.write_bytes(before)
        page.close()
    assert not problems, "\n".join(problems)

    # practice.yaml: the same through its form (a field typed into, then put back).
    path = editor_root / "practice.yaml"
    before = path.read_bytes()
    page = open_editor(context, editor, "collections/practice/entries/practice")
    tagline = page.locator("input[id^=tagline]")
    tagline.wait_for(timeout=20000)
    original = tagline.input_value()
    tagline.fill(original + " x")
    page.get_by_text("Unsaved changes").wait_for(timeout=5000)
    publish(page)
    changed = wait_for_file(path, before.replace(original.encode(), (original + " x").encode(), 1))
    assert changed == before.replace(original.encode(), (original + " x").encode(), 1), git(
        editor_root, "diff"
    )
    page.get_by_text("Changes saved").first.wait_for(timeout=SAVE_TIMEOUT * 1000)
    page.close()  # opened again, the form reads the file as it is now
    page = open_editor(context, editor, "collections/practice/entries/practice")
    tagline = page.locator("input[id^=tagline]")
    tagline.wait_for(timeout=20000)
    assert tagline.input_value() == original + " x"
    tagline.click()
    for key in ("End", "Backspace", "Backspace"):
        tagline.press(key)
    page.get_by_text("Unsaved changes").wait_for(timeout=5000)
    publish(page)
    assert wait_for_file(path, before) == before, git(editor_root, "diff")
    assert git(editor_root, "status", "--porcelain") == ""


# -- A new page, and the toolbar -------------------------------------------------------


def test_a_new_page_from_the_form_is_a_draft_and_the_toolbar_writes_myst_that_builds(
    context, editor, editor_root
):
    data = editor_data(editor_root)
    page = open_editor(context, editor, "collections/specialty/new")
    title = page.locator("input[id^=title]")
    title.wait_for(timeout=20000)
    title.fill("Grief and loss")
    screenshot(page, "3-new-page")
    publish(page)

    path = editor_root / "specialties" / "grief-and-loss.md"
    expected = render_page("specialty", "Grief and loss").encode()
    assert wait_for_file(path, expected) == expected, "the new page is not what make new-page writes"
    page.get_by_text("Changes saved").first.wait_for(timeout=SAVE_TIMEOUT * 1000)
    # Its place in the menu and in published-urls.txt, as make new-page gives it.
    wait_until(lambda: "specialties/grief-and-loss" in (editor_root / "index.md").read_text())
    assert "specialties/grief-and-loss" in (editor_root / "index.md").read_text(encoding="utf-8")
    assert "specialties/grief-and-loss.html" in (editor_root / "published-urls.txt").read_text().split()

    # The toolbar: a glossary word, a link, a practice detail and a card, at the end.
    term = "parts" if "parts" in data["terms"] else data["terms"][0]
    box = page.locator("textarea.myst-text")
    box.click()
    page.keyboard.press("Control+End")
    page.get_by_label("Insert: Glossary word").select_option(label=term)
    for menu, choice in (("Link to a page", "Addiction"), ("Practice detail", "phone")):
        box.click()
        page.keyboard.press("Control+End")
        page.keyboard.press("Enter")
        page.get_by_label(f"Insert: {menu}").select_option(label=choice)
    box.click()
    page.keyboard.press("Control+End")
    page.get_by_role("button", name="Insert: Card").click()
    page.get_by_text("Unsaved changes").wait_for(timeout=5000)
    screenshot(page, "4-toolbar")
    preview = page.frame_locator("iframe").first
    preview.locator("dfn", has_text=term).wait_for(timeout=5000)
    preview.locator(".block.card").first.wait_for(timeout=5000)
    publish(page)

    wait_until(lambda: ":::{card}" in path.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    assert (
        f"{{term}}`{term}`\n[Addiction](addiction.md)\n{{practice}}`phone`\n\n:::{{card}} A short title\n"
        in text
    ), text[-400:]
    assert text.startswith(expected.decode().split("\n# ")[0])  # the front matter is untouched

    out = editor_root / "_build" / "html"
    built = build_site(out, source=editor_root)
    assert built.returncode == 0 and "WARNING" not in built.stderr, built.stderr
    html = BeautifulSoup(
        (out / "specialties" / "grief-and-loss.html").read_text(encoding="utf-8"), "html.parser"
    )
    banner = html.select_one("article .not-ready")
    assert banner is not None and "Draft: not yet reviewed, do not share." in banner.get_text()
    links = html.select("article a[href*='glossary.html#term-']")
    assert term in [link.get_text(strip=True) for link in links]
    assert html.select_one("article a[href='addiction.html']")
    assert data["practice"]["phone"] in html.select_one("article").get_text()
    assert html.select_one("article .sd-card")
    assert "A short title" in html.select_one("article .sd-card").get_text()


def changed_lines(before: str, after: str) -> list[str]:
    import difflib

    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.mark.parametrize(
    "edit, expected",
    [
        ("e.tagline += ' x'", 2),  # one line out, one in
        ("e.clinicians[0].github = 'someone'", 1),  # one line in
        ("e.fees.session = ''", 1),  # one line out
        ("e.services.sees_minors = !e.services.sees_minors", 2),
    ],
)
def test_a_change_in_the_practice_form_rewrites_only_its_own_lines(context, editor, edit, expected):
    page = context.new_page()
    page.goto(f"{editor.origin}/{EDITOR}/")
    page.wait_for_function("window.practiceEditor")
    before = (ROOT / "practice.yaml").read_text(encoding="utf-8")
    after = page.evaluate(
        "([text, edit]) => { const e = window.practiceEditor.practiceFromFile(text);"
        " new Function('e', edit)(e); return window.practiceEditor.practiceToFile(e); }",
        [before, edit],
    )
    assert len(changed_lines(before, after)) == expected, changed_lines(before, after)


def test_make_edit_starts_the_editor_beside_the_live_preview(editor_root):
    """The one command for a clinician with the site on their computer."""
    import signal
    import urllib.request

    if not (editor_root / ".venv").exists():
        (editor_root / ".venv").symlink_to(ROOT / ".venv")  # make's packages, not a new install
    preview, editor_port = edit.free_port(), edit.free_port()
    process = subprocess.Popen(
        ["make", "--no-print-directory", "edit", f"PORT={preview}", f"EDIT_PORT={editor_port}"],
        cwd=editor_root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    said = []
    try:
        deadline = time.monotonic() + 300
        assert process.stdout is not None
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            said.append(line)
            if f"The editor: http://127.0.0.1:{editor_port}/admin/" in line:
                break
        assert any("The editor:" in line for line in said), "".join(said)

        def get(url: str) -> bytes:
            with urllib.request.urlopen(url, timeout=30) as response:
                return response.read()

        local = json.loads(get(f"http://127.0.0.1:{editor_port}/{EDITOR}/local.json"))
        assert local == {"preview": f"http://127.0.0.1:{preview}/"}
        assert b"decap-cms.js" in get(f"http://127.0.0.1:{editor_port}/{EDITOR}/")
        assert b"Addiction" in get(f"http://127.0.0.1:{preview}/specialties/addiction.html")
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_the_practice_form_refuses_a_phone_number_the_build_would_refuse(context, editor, editor_root):
    path = editor_root / "practice.yaml"
    before = path.read_bytes()
    page = open_editor(context, editor, "collections/practice/entries/practice")
    phone = page.locator("input[id^=phone]").first
    phone.wait_for(timeout=20000)
    phone.fill("555-0142")  # seven digits: no area code
    page.get_by_role("button", name="Publish").first.click()
    publish_now = page.get_by_text("Publish now")
    if publish_now.is_visible():
        publish_now.click()
    page.get_by_text("A US phone number, ten digits: (555) 555-0142").first.wait_for(timeout=5000)
    phone.scroll_into_view_if_needed()
    screenshot(page, "5-practice-details-error")
    time.sleep(1)
    assert path.read_bytes() == before  # nothing was saved
