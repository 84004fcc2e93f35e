"""Minutes of a meeting as Markdown, HTML, JSON or plain text, for the app and the command line.

Each renderer formats one `MinutesView`, computed once from the session and the team's
other sessions (`earlier`: previous values, the commitments it reviewed, the quarter's path),
so the formats cannot drift apart.

The renderers are imported when first used: the history screen imports `okrtui.minutes.search`,
which runs this file, and should not pay for the HTML page and the Markdown writer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from okrtui.domain.models import Session

Format = Literal["md", "html", "json", "text"]
# The one list of formats: the command line's choices, the export dialog's buttons, the
# golden files and every test that runs over formats come from here.
FORMATS: tuple[Format, ...] = ("md", "html", "json", "text")
EXTENSIONS: dict[Format, str] = {"md": "md", "html": "html", "json": "json", "text": "txt"}
FORMAT_NAMES: dict[Format, str] = {
    "md": "Markdown",
    "html": "HTML",
    "json": "JSON",
    "text": "Plain text",
}

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "FORMAT_NAMES",
    "Format",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
]


def render_markdown(session: Session, earlier: Sequence[Session] = ()) -> str:
    """The minutes as Markdown."""
    from okrtui.minutes.markdown import markdown
    from okrtui.minutes.view import build_view

    return markdown(build_view(session, earlier))


def render_html(session: Session, earlier: Sequence[Session] = ()) -> str:
    """The minutes as one self-contained HTML document."""
    from okrtui.minutes.htmlpage import page
    from okrtui.minutes.view import build_view

    return page(build_view(session, earlier))


def render_json(session: Session, earlier: Sequence[Session] = ()) -> str:
    """The minutes as JSON: the session record plus computed progress and scores."""
    from okrtui.minutes.jsondoc import dumps
    from okrtui.minutes.view import build_view

    return dumps(build_view(session, earlier))


def render_text(session: Session, earlier: Sequence[Session] = ()) -> str:
    """The minutes as plain text, for the body of an email."""
    from okrtui.minutes.text import plain_text
    from okrtui.minutes.view import build_view

    return plain_text(build_view(session, earlier))


def render(session: Session, fmt: Format, earlier: Sequence[Session] = ()) -> str:
    """The minutes in one of `FORMATS`."""
    renderers = {
        "md": render_markdown,
        "html": render_html,
        "json": render_json,
        "text": render_text,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown minutes format '{fmt}'; choose {', '.join(FORMATS)}")
    return renderers[fmt](session, earlier)
