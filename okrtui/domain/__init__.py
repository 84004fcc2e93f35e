"""The pure core of okrtui: models, scoring, agendas and plan files.

Nothing here imports Textual or TinyDB.
"""

from __future__ import annotations
