"""A member's email: checked where it is typed or read, and kept by plan files."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from okrtui.domain.models import Member
from okrtui.domain.plan import PlanError, dump_plan, parse_plan

PLAN = """
[[teams]]
name = "Support"
members = [{ name = "Iris Lund", email = "iris@example.org" }, { name = "Omar Said" }]
"""


@pytest.mark.parametrize("email", ["iris@example.org", "i.lund+okr@mail.example.co.uk", ""])
def test_a_member_may_have_an_email_or_none(email: str) -> None:
    assert Member(id="iris", name="Iris", email=email).email == email


@pytest.mark.parametrize(
    "email",
    [
        "iris",
        "iris@example",
        "@example.org",
        "iris lund@example.org",
        "a@b.org, c@d.org",
        "Iris <i@x.org>",
    ],
)
def test_anything_but_one_address_is_refused_in_plain_words(email: str) -> None:
    with pytest.raises(ValidationError) as refused:
        Member(id="iris", name="Iris", email=email)
    assert "an email address looks like name@example.com" in str(refused.value)


def test_a_plan_file_keeps_members_emails_both_ways() -> None:
    plan = parse_plan(PLAN, "plan.toml")
    assert [m.email for m in plan.teams[0].members] == ["iris@example.org", ""]
    written = dump_plan(plan)
    assert 'email = "iris@example.org"' in written
    assert written.count("email") == 1  # no empty email written for Omar
    assert dump_plan(parse_plan(written, "plan.toml")) == written


def test_a_bad_email_in_a_plan_file_is_named_by_its_place() -> None:
    with pytest.raises(PlanError) as refused:
        parse_plan(PLAN.replace("iris@example.org", "iris-at-example"), "plan.toml")
    assert "teams[0].members[0]" in str(refused.value)
    assert "an email address looks like name@example.com" in str(refused.value)
