"""The quarterly review's agenda steps, one widget per file (registered in `registry`)."""

# The step registry imports these widgets and they import the step framework: loading the
# framework package first means the two never meet half-initialised, whichever is imported first.
import okrtui.tui.widgets.steps  # noqa: F401
