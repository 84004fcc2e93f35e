"""Minutes of a meeting as Markdown, HTML or JSON, used by both the app and the command line.

Each renderer formats one `MinutesView`, computed once from the session and the team's
other sessions (`earlier`: previous values, the commitments it reviewed, the quarter's path),
so the three formats cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from okrtui.domain.models import Session
from okrtui.minutes.htmlpage import page
from okrtui.minutes.jsondoc import dumps
from okrtui.minutes.markdown import markdown
from okrtui.minutes.view import MinutesView, build_view

Format = Literal["md", "html", "json"]
FORMATS: tuple[Format, ...] = ("md", "html", "json")

__all__ = [
    "FORMATS",
    "Format",
    "MinutesView",
    "build_view",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
]


def render_markdown(session: Session, earlier: Sequence[Session] = ()) -> str:
    """The minutes as Markdown."""
    return markdown(build_view(session, earlier))


def render_html(session: Session, earlier: Sequence[Session] = ()) -> str:
    """The minutes as one self-contained HTML document."""
    return page(build_view(session, earlier))


def render_json(session: Session, earlier: Sequence[Session] = ()) -> str:
    """The minutes as JSON: the session record plus computed progress and scores."""
    return dumps(build_view(session, earlier))


def render(session: Session, fmt: Format, earlier: Sequence[Session] = ()) -> str:
    """The minutes in one of the formats `md`, `html` or `json`."""
    renderers = {"md": render_markdown, "html": render_html, "json": render_json}
    if fmt not in renderers:
        raise ValueError(f"unknown minutes format '{fmt}'; choose md, html or json")
    return renderers[fmt](session, earlier)
