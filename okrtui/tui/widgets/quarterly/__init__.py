"""The quarterly review's agenda steps, one widget per file (listed in `registry`).

They build on the step framework (`okrtui.tui.widgets.steps.base`); neither package imports
the other's registry, so any module here can be imported first.
"""
