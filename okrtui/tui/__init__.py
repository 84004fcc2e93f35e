"""The Textual interface: app, screens, widgets and dialogs. Talks only to the repository."""

from __future__ import annotations
