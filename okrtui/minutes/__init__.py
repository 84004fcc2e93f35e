"""Minutes of a meeting as Markdown, HTML or JSON, used by both the app and the command line.

Each renderer formats one `MinutesView`, computed once from the session and the team's
other sessions (`earlier`: previous values, the commitments it reviewed, the quarter's path),
so the three formats cannot drift apart.

The renderers are imported when first used: the history screen imports `okrtui.minutes.search`,
which runs this file, and should not pay for the HTML page and the Markdown writer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from okrtui.domain.models import Session

Format = Literal["md", "html", "json"]
FORMATS: tuple[Format, ...] = ("md", "html", "json")

__all__ = [
    "FORMATS",
    "Format",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
]


def render_markdown(
    session: Session, earlier: Sequence[Session] = (), *, stacked: bool = False
) -> str:
    """The minutes as Markdown; `stacked` lists each key result's figures under its title
    instead of in a table row (for a narrow screen; files keep the table)."""
    from okrtui.minutes.markdown import markdown
    from okrtui.minutes.view import build_view

    return markdown(build_view(session, earlier), stacked=stacked)


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


def render(session: Session, fmt: Format, earlier: Sequence[Session] = ()) -> str:
    """The minutes in one of the formats `md`, `html` or `json`."""
    renderers = {"md": render_markdown, "html": render_html, "json": render_json}
    if fmt not in renderers:
        raise ValueError(f"unknown minutes format '{fmt}'; choose md, html or json")
    return renderers[fmt](session, earlier)
