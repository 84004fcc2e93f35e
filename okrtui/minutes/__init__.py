"""Minutes of a meeting as Markdown, HTML or JSON."""
