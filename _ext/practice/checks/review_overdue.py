"""Pages whose review is overdue, reported by name on every build.

``practice_overdue_reviews`` decides what happens:

- ``"fail"`` (default): a ``review-overdue`` warning, so the strict build fails;
- ``"publish"``: a highlighted notice in the build log that is not a warning, so
  even a ``-W`` build publishes while the review is pending.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.config import ENUM, Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging
from sphinx.util.console import bold, red

from .. import findings
from ..data.front_matter import add_years
from ..messages import Subtype, render
from ..data.page_metadata import pages, today

logger = logging.getLogger(__name__)

CHOICES = ("fail", "publish")


def overdue(env: BuildEnvironment, config: Config) -> list[tuple[str, int]]:
    """(docname, days overdue) for each page whose next review date has passed."""
    now = today(config)
    return [
        (docname, (now - info.next_review).days)
        for docname, info in sorted(pages(env).items())
        if docname in env.found_docs and info.next_review and info.next_review < now
    ]


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    now = today(app.config)
    for docname, days in overdue(env, app.config):
        info = pages(env)[docname]
        assert info.next_review is not None, "overdue() lists only pages with a next review date"
        values = dict(
            next=info.next_review.isoformat(),
            days=days,
            today=now.isoformat(),
            suggested=add_years(now, 1).isoformat(),
            file=env.doc2path(docname),
        )
        if app.config.practice_overdue_reviews == "publish":
            logger.info(bold(red(render("review-overdue-notice", **values))))
        else:
            findings.warn(
                Subtype.review_overdue,
                render("review-overdue", **values),
                (docname, info.line("next_review")),
            )


def setup(app: Sphinx) -> None:
    app.add_config_value("practice_overdue_reviews", "fail", "", types=ENUM(*CHOICES))
    app.connect("env-updated", on_env_updated)
