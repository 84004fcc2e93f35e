"""PDF minutes: every section and number of the HTML minutes, on A4 or Letter, with a footer.

The PDF's text is read back with pypdf (`tests/minutes/pdf_text.py`) and compared without
whitespace: what matters is that every word and number is there, as text.
"""

from __future__ import annotations

import io
import re
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from okrtui.cli import cli
from okrtui.domain.sample import sample_sessions
from okrtui.minutes import render_html, render_markdown, render_pdf
from okrtui.minutes import words as minute_words
from okrtui.minutes.pdf import PdfUnavailable
from okrtui.minutes.view import build_view
from tests.minutes.cases import quarterly_case, weekly_case
from tests.minutes.pdf_text import A4, LETTER, images, no_pango, pages, size, squeezed

__all__ = ["no_pango"]  # a fixture, used by name


@cache
def _weekly_a4() -> bytes:
    return render_pdf(*weekly_case())


@cache
def _quarterly_letter() -> bytes:
    session, earlier = quarterly_case()
    return render_pdf(session, earlier, paper="letter")


def _headings(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h[23]>(.*?)</h[23]>", html)]


def test_weekly_pdf_holds_every_section_and_number_on_a4() -> None:
    session, earlier = weekly_case()
    pdf = _weekly_a4()
    assert pdf.startswith(b"%PDF")
    assert size(pdf) == A4
    text = squeezed("\n".join(pages(pdf)))
    view = build_view(session, earlier)
    for heading in _headings(render_html(session, earlier)):
        assert squeezed(heading) in text, heading
    for line in view.key_results:
        for cell in minute_words.weekly_kr_row(line):
            assert squeezed(cell) in text, cell
    assert squeezed(session.summary) in text


def test_every_page_has_its_number_and_the_team_and_date_in_the_footer() -> None:
    texts = pages(_weekly_a4())
    assert len(texts) >= 2
    for number, page in enumerate(texts, 1):
        text = squeezed(page)
        assert squeezed(f"Page {number} of {len(texts)}") in text
        assert squeezed("Sales · Thursday 5 November 2026") in text


def test_quarterly_pdf_on_letter_has_its_scores_and_charts_as_vectors() -> None:
    session, earlier = quarterly_case()
    pdf = _quarterly_letter()
    assert size(pdf) == LETTER
    text = squeezed("\n".join(pages(pdf)))
    view = build_view(session, earlier)
    for heading in _headings(render_html(session, earlier)):
        assert squeezed(heading) in text, heading
    for line in view.key_results:
        for cell in minute_words.quarter_kr_row(line):
            assert squeezed(cell) in text, cell
    # The charts' axes are text in the PDF, and nothing on any page is a raster image.
    assert "W1W3W5W7W9W11W13" in text
    reader = PdfReader(io.BytesIO(pdf))
    assert [i for page in reader.pages for i in images(page["/Resources"].get_object())] == []


@pytest.mark.usefixtures("no_pango")
def test_without_pango_a_pdf_says_what_to_install_and_other_formats_still_work() -> None:
    session, earlier = weekly_case()
    with pytest.raises(PdfUnavailable) as refused:
        render_pdf(session, earlier)
    message = str(refused.value)
    assert "Pango" in message
    assert "apt-get install libpango-1.0-0" in message
    assert "brew install pango" in message
    assert "Traceback" not in message
    assert "Best Tier 1 week so far" in render_markdown(session, earlier)
    assert "<svg" in render_html(session, earlier)


def _export(demo_folder: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--data", str(demo_folder), "export", *args])
    return result.exit_code, result.stderr


@pytest.mark.usefixtures("no_pango")
def test_export_without_pango_exits_1_with_the_install_words_and_writes_nothing(
    demo_folder: Path, tmp_path: Path
) -> None:
    target = tmp_path / "minutes.pdf"
    code, err = _export(demo_folder, "2026-Q4-demo01", "--format", "pdf", "-o", str(target))
    assert code == 1
    assert "apt-get install libpango-1.0-0" in err and "Traceback" not in err
    assert not target.exists()
    code, err = _export(demo_folder, "2026-Q4-demo01", "--format", "html", "-o", str(target))
    assert (code, target.suffix) == (0, ".pdf")  # HTML written where asked, Pango or not
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_export_writes_a_pdf_on_the_paper_asked_for(demo_folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "week1.pdf"
    code, err = _export(
        demo_folder, "2026-Q4-demo01", "--format", "pdf", "--paper", "letter", "-o", str(target)
    )
    assert code == 0, err
    pdf = target.read_bytes()
    assert size(pdf) == LETTER
    first = sample_sessions()[0]
    assert squeezed(first.summary) in squeezed("\n".join(pages(pdf)))


def test_a_pdf_is_never_printed_to_the_terminal(demo_folder: Path) -> None:
    code, err = _export(demo_folder, "2026-Q4-demo01", "--format", "pdf")
    assert code == 1
    assert "add -o FILE" in err


def test_a_quarter_exported_as_pdf_has_a_pdf_index(tmp_path: Path) -> None:
    from okrtui.domain.sample import sample_plan
    from okrtui.store import Repository

    folder = tmp_path / "data"
    repository = Repository.open(folder)
    repository.save_plan(sample_plan())
    repository.save_session(sample_sessions()[0])
    out = tmp_path / "q4"
    args = ["--team", "sales", "--quarter", "2026-Q4", "--format", "pdf", "-o", str(out)]
    result = CliRunner().invoke(cli, ["--data", str(folder), "export", *args])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["index.pdf", "sales-2026-10-01-weekly-w1.pdf"]
    index = squeezed("".join(pages((out / "index.pdf").read_bytes())))
    assert index.startswith("Sales") and "minutesof2026-Q4" in index
    assert "2026-10-01" in index
    assert size((out / "index.pdf").read_bytes()) == A4
