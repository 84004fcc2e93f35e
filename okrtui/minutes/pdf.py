"""Minutes as PDF: the HTML minutes laid out on paper by WeasyPrint, charts kept as vectors.

WeasyPrint is imported only here, when a PDF is made. It needs the Pango library from the
system; without it `PdfUnavailable` says in plain words what to install, and every other
format keeps working.
"""

from __future__ import annotations

from typing import Any

from okrtui.minutes import Paper, words
from okrtui.minutes.htmlpage import page
from okrtui.minutes.view import MinutesView

PAGE_SIZES: dict[Paper, str] = {"a4": "A4", "letter": "letter"}

INSTALL_PANGO = (
    "PDF minutes need the Pango text library, which is not installed on this machine "
    "({why}). Install it: on Debian or Ubuntu `sudo apt-get install libpango-1.0-0 "
    "libpangoft2-1.0-0`, on Fedora `sudo dnf install pango`, on macOS `brew install pango`. "
    "Markdown, HTML and JSON minutes work without it."
)
INSTALL_WEASYPRINT = (
    "PDF minutes need the WeasyPrint package, which is not installed ({why}). "
    "Install it with `pip install weasyprint`; Markdown, HTML and JSON minutes work without it."
)


class PdfUnavailable(Exception):
    """A PDF cannot be made on this machine; the message says what to install."""


def footer(view: MinutesView) -> str:
    """The words at the foot of every page: the team and the meeting's date."""
    return f"{view.team} · {words.day(view.session.date)}"


def _css_string(text: str) -> str:
    """`text` as a CSS string: quotes, backslashes and anything unprintable escaped."""
    escaped = "".join(c if c.isprintable() and c not in '\\"' else f"\\{ord(c):x} " for c in text)
    return f'"{escaped}"'


def print_css(view: MinutesView, paper: Paper) -> str:
    """The page rules a PDF adds to the HTML minutes: paper size, footer, page numbers."""
    return f"""
@page {{
  size: {PAGE_SIZES[paper]};
  margin: 16mm 14mm 20mm;
  @bottom-left {{ content: {_css_string(footer(view))}; font: 8pt sans-serif; color: #56616b; }}
  @bottom-right {{
    content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #56616b;
  }}
}}
body {{ margin: 0; padding: 0; max-width: none; font-size: 10pt; }}
/* No ligatures: text copied or searched in the PDF is the text as typed ("fi", not "ﬁ"). */
body {{ font-variant-ligatures: none; }}
"""


def pdf(view: MinutesView, paper: Paper = "a4") -> bytes:
    """The minutes as a PDF document; PdfUnavailable when WeasyPrint or Pango is missing."""
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=page(view))
    return bytes(document.write_pdf(stylesheets=[weasyprint.CSS(string=print_css(view, paper))]))


def html_pdf(html_text: str, paper: Paper = "a4") -> bytes:
    """Any HTML page of okrtui's (a quarter's index) as PDF, on the given paper."""
    weasyprint = _weasyprint()
    css = weasyprint.CSS(string=f"@page {{ size: {PAGE_SIZES[paper]}; }}")
    return bytes(weasyprint.HTML(string=html_text).write_pdf(stylesheets=[css]))


def _weasyprint() -> Any:
    # WeasyPrint loads Pango through cffi when imported: a missing library is an OSError.
    try:
        import weasyprint  # type: ignore[import-untyped]
    except ImportError as exc:
        raise PdfUnavailable(INSTALL_WEASYPRINT.format(why=exc)) from None
    except OSError as exc:
        raise PdfUnavailable(INSTALL_PANGO.format(why=_first_line(exc))) from None
    return weasyprint


def _first_line(exc: BaseException) -> str:
    return (str(exc).splitlines() or [type(exc).__name__])[0]
