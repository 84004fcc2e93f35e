"""The demo: two sample teams, built once into their own store.

The sales team is six weeks into its quarter on the built-in agenda; the support team runs
an agenda of its own, carries open issues and continues a key result from last quarter.
"""

from __future__ import annotations

from okrtui.store.port import Store


def build_demo(store: Store) -> bool:
    """Write the sample teams, their meetings and open issues unless the store already has
    a plan.

    Returns whether anything was written.
    """
    if store.teams(include_archived=True):
        return False
    # Only the demo needs the samples.
    from okrtui.domain import sample, sample_support
    from okrtui.domain.plan import Plan

    support_sessions, support_issues = sample_support.sample_history()
    sessions = [*sample.sample_sessions(), *support_sessions]
    # Read the quarter files first: one that cannot be used stops the demo before it writes.
    for quarter in sorted({s.quarter for s in sessions}):
        store.sessions(quarter)
    plans = (sample.sample_plan(), sample_support.sample_plan())
    store.save_plan(
        Plan(
            teams=[t for p in plans for t in p.teams],
            objectives=[o for p in plans for o in p.objectives],
        )
    )
    for session in sessions:
        store.save_session(session)
    store.update_issues(sample_support.TEAM_ID, lambda _stored: support_issues)
    return True


def open_demo(store: Store) -> tuple[Store, bool]:
    """The demo store beside `store`'s data, built if it was not yet; and whether it was built."""
    demo = store.demo_store()
    return demo, build_demo(demo)
