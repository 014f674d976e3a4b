"""Make a synthetic copy of the site with N more pages, for the build benchmark.

The real site is copied into a folder and N pages are added under ``library/``, in
sections of 50 (a section page and 49 topic pages), listed in the home page's menu
under "Library". The pages look like the real ones: plain, person-first text at a
low reading level, headings, lists, a note, glossary terms, links to other pages
(in the same section, in other sections and on the real site) and front matter that
passes the site's checks (reviewer ids from practice.yaml, dates, related pages).

    python bench/generate.py 300 /tmp/site-300
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTION_SIZE = 50
IGNORE = shutil.ignore_patterns(
    "_build", ".venv", ".git", "node_modules", ".pytest_cache", "__pycache__", "tests", "bench", "tools"
)

TOPICS = [
    "sleep",
    "worry",
    "anger",
    "grief",
    "shame",
    "stress",
    "family visits",
    "work",
    "money",
    "friends",
    "school",
    "holidays",
    "cravings",
    "hard days",
    "good days",
    "trust",
    "rest",
    "food",
    "moving house",
    "a new baby",
    "loss",
    "loneliness",
    "phone calls",
    "meetings",
    "weekends",
    "mornings",
    "nights",
    "pain",
    "change",
    "hope",
]
TERMS = [
    "parts",
    "Self",
    "manager",
    "firefighter",
    "exile",
    "burden",
    "recovery",
    "harm reduction",
    "mindfulness",
    "peer support",
    "mutual-help group",
]
OPENINGS = [
    "Some days feel heavy from the moment you wake up.",
    "You may feel tired of trying so hard.",
    "It can be hard to talk about this, even with people you trust.",
    "Many people feel alone with this, and it is not your fault.",
    "You might feel pulled in two ways at once.",
    "Maybe you have tried to change this before, and it did not last.",
]
BODY = [
    "We go at your pace, and you choose what to talk about.",
    "A part of you may want to keep going, and another part may want to stop.",
    "Both parts are trying to help you in their own way.",
    "We listen first, and we do not judge what you tell us.",
    "Small steps count, and you can take them one at a time.",
    "You can bring a friend or a family member if that helps you feel safe.",
    "Your feelings make sense when you look at what you have lived through.",
    "Together we look for what helps you feel calm and steady.",
    "You do not have to have all the answers before you come.",
    "Some people like to write things down between sessions.",
    "We can also talk about the people who support you.",
    "It is fine to take a break, and it is fine to come back.",
    "You stay in charge of your own goals.",
    "We check in often about what is working for you.",
    "Setbacks happen, and they do not undo the work you have done.",
    "There is no one right way to feel better.",
]
STEPS = [
    "notice what you feel in your body;",
    "take three slow breaths;",
    "name one thing that went well today;",
    "call or text someone you trust;",
    "go for a short walk;",
    "drink a glass of water and rest for a minute;",
]


def _sentences(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(BODY) for _ in range(count))


def _page(
    rng: random.Random, index: int, docname: str, title: str, related: list[str], links: list[tuple[str, str]]
) -> str:
    """One topic page in MyST Markdown, with front matter the site's checks accept."""
    term_a, term_b = rng.sample(TERMS, 2)
    link_text = " ".join(f"[{text}]({target})" for text, target in links)
    steps = "\n".join(f"- {step}" for step in rng.sample(STEPS, 4))
    return f"""---
kind: specialty
description: Calm, plain help with {title.lower()}, at your own pace.
audience: [clients, families]
reviewed_by: clinician-{"ab"[index % 2]}
last_reviewed: 2026-11-28
next_review: 2027-11-28
related: [{", ".join(related)}]
---

# {title}

{rng.choice(OPENINGS)} {_sentences(rng, 3)}

{_sentences(rng, 4)}

## What you feel makes sense

{_sentences(rng, 4)} In therapy we talk about {{term}}`{term_a}`. {_sentences(rng, 2)}

{_sentences(rng, 5)}

## How we help

### Going at your pace

{_sentences(rng, 4)} We may also talk about {{term}}`{term_b}`.

### Small steps

When things feel hard, you can:

{steps}

:::{{note}}
{_sentences(rng, 2)}
:::

### People around you

{_sentences(rng, 5)}

## Read next

{link_text}

## Take the first step

{_sentences(rng, 2)} Call us at {{practice}}`phone` or write to {{practice}}`email`.

## If you need help now

```{{crisis-lines}}
```
"""


def _section_page(number: int, pages: list[tuple[str, str]]) -> str:
    entries = "\n".join(docname.split("/")[-1] for docname, _title in pages)
    return f"""---
kind: general
description: Short, plain pages about everyday things that can be hard, group {number}.
audience: [clients, families]
---

# Everyday topics, group {number}

Each page in this group is short and plain. Pick the one that fits your day.

```{{toctree}}
:titlesonly:

{entries}
```
"""


def generate(count: int, out: Path, seed: int = 7) -> list[str]:
    """Copy the site to ``out`` and add ``count`` pages; returns the new docnames."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ROOT, out, ignore=IGNORE)
    if count == 0:
        return []
    rng = random.Random(seed)
    sections = max(1, round(count / SECTION_SIZE))
    sizes = [count // sections + (1 if i < count % sections else 0) for i in range(sections)]
    layout: list[tuple[str, list[tuple[str, str]]]] = []
    for number, size in enumerate(sizes, start=1):
        folder = f"library/s{number:02d}"
        pages = [
            (
                f"{folder}/p{i:03d}",
                f"{TOPICS[(number * 7 + i) % len(TOPICS)].capitalize()}, part {number}.{i}",
            )
            for i in range(1, size)
        ]
        layout.append((folder, pages))
    all_pages = [page for _folder, pages in layout for page in pages]
    docnames = []
    for number, (folder, pages) in enumerate(layout, start=1):
        (out / folder).mkdir(parents=True)
        (out / folder / "index.md").write_text(_section_page(number, pages), encoding="utf-8")
        docnames.append(f"{folder}/index")
        for i, (docname, title) in enumerate(pages):
            sibling = pages[(i + 1) % len(pages)][0]
            elsewhere = rng.choice(all_pages)
            related = [r for r in dict.fromkeys([sibling, elsewhere[0]]) if r != docname]
            links = [
                (pages[(i + 2) % len(pages)][1], "/" + pages[(i + 2) % len(pages)][0] + ".md"),
                (elsewhere[1], "/" + elsewhere[0] + ".md"),
                ("what to expect", "/what-to-expect.md"),
            ]
            text = _page(rng, i, docname, title, related, links)
            (out / f"{docname}.md").write_text(text, encoding="utf-8")
            docnames.append(docname)
    index = out / "index.md"
    entries = "\n".join(f"{folder}/index" for folder, _pages in layout)
    index.write_text(
        index.read_text(encoding="utf-8")
        + f"\n```{{toctree}}\n:caption: Library\n:hidden:\n\n{entries}\n```\n",
        encoding="utf-8",
    )
    return docnames


if __name__ == "__main__":
    names = generate(int(sys.argv[1]), Path(sys.argv[2]))
    print(f"{len(names)} pages added in {sys.argv[2]}")
