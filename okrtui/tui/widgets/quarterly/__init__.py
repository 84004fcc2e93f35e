"""The quarterly review's agenda steps, one widget per file."""
