"""Short, stable ids: a readable prefix and random base-32 characters."""

from __future__ import annotations

import re
import secrets
import unicodedata

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford's base 32, lower case


def new_id(prefix: str, length: int = 6) -> str:
    """A new id such as `kr-7kq2mx`; collisions are negligible at a team's scale."""
    token = "".join(secrets.choice(_ALPHABET) for _ in range(length))
    return f"{prefix}-{token}"


def slugify(text: str, fallback: str = "item") -> str:
    """A lower-case ASCII slug of `text`, safe in ids and file names."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:40].strip("-") or fallback


def session_id(quarter: str) -> str:
    """A session id that names its quarter, so its file is known without a search."""
    return new_id(quarter, 6)


SESSION_ID_PATTERN = re.compile(r"^(\d{4}-Q[1-4])-[0-9a-z]{4,}$")


def quarter_of_session_id(sid: str) -> str | None:
    """The quarter named by a session id, or None when it is not a session id."""
    match = SESSION_ID_PATTERN.match(sid)
    return match.group(1) if match else None
