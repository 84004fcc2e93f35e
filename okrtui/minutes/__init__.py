"""Minutes of a meeting as Markdown, HTML, JSON, plain text or PDF, for the app and the command
line.

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

# The text formats (golden files, the terminal, every test that runs over formats); PDF is
# bytes, made from the HTML. The one list: the command line's choices, the export dialog's
# buttons and the extensions come from here.
Format = Literal["md", "html", "json", "text"]
FORMATS: tuple[Format, ...] = ("md", "html", "json", "text")
ExportFormat = Literal["md", "html", "json", "text", "pdf"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = (*FORMATS, "pdf")
EXTENSIONS: dict[ExportFormat, str] = {
    "md": "md",
    "html": "html",
    "json": "json",
    "text": "txt",
    "pdf": "pdf",
}
FORMAT_NAMES: dict[ExportFormat, str] = {
    "md": "Markdown",
    "html": "HTML",
    "json": "JSON",
    "text": "Plain text",
    "pdf": "PDF",
}
# A PDF's paper; A4 unless asked.
Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = ("a4", "letter")

__all__ = [
    "EXPORT_FORMATS",
    "EXTENSIONS",
    "FORMATS",
    "FORMAT_NAMES",
    "PAPERS",
    "ExportFormat",
    "Format",
    "Paper",
    "render",
    "render_export",
    "render_html",
    "render_json",
    "render_markdown",
    "render_pdf",
    "render_text",
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


def render_pdf(session: Session, earlier: Sequence[Session] = (), paper: Paper = "a4") -> bytes:
    """The HTML minutes as a PDF; `okrtui.minutes.pdf.PdfUnavailable` without WeasyPrint."""
    from okrtui.minutes.pdf import pdf
    from okrtui.minutes.view import build_view

    return pdf(build_view(session, earlier), paper)


def render_export(
    session: Session, fmt: ExportFormat, earlier: Sequence[Session] = (), paper: Paper = "a4"
) -> str | bytes:
    """The minutes in any format a file can hold: text, or a PDF's bytes on `paper`."""
    if fmt == "pdf":
        return render_pdf(session, earlier, paper)
    return render(session, fmt, earlier)
