"""okrtui: run a team's weekly OKR meeting and quarterly review from the terminal."""

from __future__ import annotations

__all__ = ["__version__"]

__version__ = "0.1.0"
