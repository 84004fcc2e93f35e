"""Reading a PDF back in tests: its text, its paper, and a machine without Pango."""

from __future__ import annotations

import importlib.abc
import io
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from pypdf import PdfReader

A4 = (595, 842)
LETTER = (612, 792)


def pages(pdf: bytes) -> list[str]:
    """The text of each page."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def squeezed(text: str) -> str:
    """Text without any whitespace: bold text comes out of pypdf with letters spaced apart."""
    # pypdf reads the bold font's text as UTF-16 code units: drop the NULs between letters.
    return "".join(text.replace("\x00", "").split())


def size(pdf: bytes) -> tuple[int, int]:
    """The first page's width and height in points."""
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def images(resources: Any) -> Iterator[str]:
    """Every raster image a page draws, looking inside the forms the charts become."""
    xobjects = resources.get("/XObject")
    if xobjects is None:
        return
    for name, ref in xobjects.get_object().items():
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Image":
            yield name
        inner = xobject.get("/Resources")
        if inner is not None:
            yield from images(inner.get_object())


class _NoPango(importlib.abc.MetaPathFinder):
    """Imports WeasyPrint as a machine without Pango does: cffi cannot load the library."""

    def find_spec(self, name: str, path: object, target: object = None) -> None:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: No such file")


@pytest.fixture
def no_pango(monkeypatch: pytest.MonkeyPatch) -> None:
    """WeasyPrint cannot be imported, as on a machine without the Pango library."""
    for module in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setattr(sys, "meta_path", [_NoPango(), *sys.meta_path])
