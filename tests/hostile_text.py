"""Text that has broken okrtui before: markup, terminal codes, bidi overrides, length.

Every form, step and command is tried with these; each must be refused in plain words or
kept and shown exactly as typed, never read as markup or sent to the terminal raw.
"""

from __future__ import annotations

# Read as Rich markup or Textual actions if anything renders user text with markup on.
MARKUP = [
    "[bold]markup[/]",
    "Fix [/] parser bugs",
    "[beta] users",
    "[link=https://example.com]team[/link]",
    "[@click=app.quit]q[/]",
    "Web [red]team",
    "[",
    "]",
    "\\[escaped]",
]

# Refused at input; shown escaped when read from a file.
CONTROL = [
    "\x1b[2J clears the screen",
    "bell\x07",
    "nul\x00byte",
    "right-to-left \u202eoverride",
    "isolate \u2066x\u2069",
    "c1 \x9b control",
]

NEWLINE = "two\nlines"

LONG = "x" * 10_000

CORPUS = [*MARKUP, *CONTROL, NEWLINE, LONG]


def raw_control_bytes(output: str) -> list[str]:
    """Control characters in `output` other than tab, newline and carriage return."""
    return [c for c in output if (ord(c) < 0x20 and c not in "\t\n\r") or 0x7F <= ord(c) < 0xA0]
