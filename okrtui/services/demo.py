"""The demo: a sample sales team six weeks into its quarter, built once into its own store."""

from __future__ import annotations

from okrtui.store.port import Store


def build_demo(store: Store) -> bool:
    """Write the sample team and its six meetings unless the store already has a plan.

    Returns whether anything was written.
    """
    if store.teams(include_archived=True):
        return False
    from okrtui.domain.sample import sample_plan, sample_sessions  # only the demo needs it

    sessions = sample_sessions()
    # Read the quarter files first: one that cannot be used stops the demo before it writes.
    for quarter in sorted({s.quarter for s in sessions}):
        store.sessions(quarter)
    store.save_plan(sample_plan())
    for session in sessions:
        store.save_session(session)
    return True


def open_demo(store: Store) -> tuple[Store, bool]:
    """The demo store beside `store`'s data, built if it was not yet; and whether it was built."""
    demo = store.demo_store()
    return demo, build_demo(demo)
