"""Numbers are read the way the team types them, in its locale, and shown as they were typed."""

from __future__ import annotations

import math
import re

import pytest
from babel.numbers import format_decimal
from pydantic import ValidationError

from okrtui.domain.models import Team
from okrtui.domain.numbers import format_number, parse_milestone, parse_number
from okrtui.domain.plan import Plan, PlanError, dump_plan, parse_plan
from okrtui.domain.quarterly import parse_score


@pytest.mark.parametrize(
    ("locale", "typed", "value"),
    [
        ("en", "1,200", 1200),
        ("en", "1,200.5", 1200.5),
        ("en", "1,200,000", 1_200_000),
        ("en", "$4,800", 4800),
        ("en", "$4,800.50", 4800.5),
        ("en", "12%", 12),
        ("en", "4.8k", 4800),
        ("en", "-3", -3),
        ("en", "-$3", -3),
        ("en", " 7 ", 7),
        ("en", "1.5M", 1.5e6),
        ("en", "1 200", 1200),
        ("en", ".5", 0.5),
        ("en", "1000000000000000", 1e15),
        ("en", "-1,000,000,000,000,000", -1e15),
        ("de", "12,5", 12.5),
        ("de", "1.200", 1200),
        ("de", "1.200,5", 1200.5),
        ("de", "4,8k", 4800),
        ("de", "$4.800,50", 4800.5),
        ("de", "12%", 12),
        ("de", "1,0", 1),
    ],
)
def test_typed_numbers(locale: str, typed: str, value: float) -> None:
    assert parse_number(typed, locale=locale) == value


@pytest.mark.parametrize(
    ("locale", "typed", "message"),
    [
        ("en", "12,5", "did you mean 12.5?"),
        ("en", "1,0", "did you mean 1.0?"),
        ("en", "$12,50", "did you mean $12.50?"),
        ("en", "4,8k", "did you mean 4.8k?"),
        ("en", "1,2,3", "',' in the wrong place"),
        ("en", "1,20,000", "',' in the wrong place"),
        ("de", "12.5", "did you mean 12,5?"),
        ("de", "1,200.5", "'.' in the wrong place"),
        ("en", "99999999999999999999999999999999", "is too large"),
        ("en", "9" * 400, "is too large"),
        ("en", "-1,000,000,000,000,001", "is too large"),
        ("de", "1" + "0" * 16, "is too large"),
        ("en", "1001T", "is not a number"),
        ("en", "2k" * 3, "is not a number"),
        ("en", "nan", "is not a number"),
        ("en", "inf", "is not a number"),
        ("en", "-infinity", "is not a number"),
        ("en", "1e400", "is not a number"),
        ("en", "", "enter a number"),
        ("en", "abc", "is not a number"),
        ("en", "4,8,0k$x", "is not a number"),
        ("en", "1.2.3", "is not a number"),
        ("en", "k", "is not a number"),
        ("en", "-$-3", "is not a number"),
        ("de", "abc", "try 1200, 1.200, $4.800, 12% or 4,8k"),
    ],
)
def test_numbers_that_mean_something_else_are_refused(
    locale: str, typed: str, message: str
) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_number(typed, locale=locale)


@pytest.mark.parametrize(
    ("unit", "typed", "outcome"),
    [
        ("members", "$500", "this key result counts members, not dollars"),
        ("%", "$5", "this key result counts percent, not dollars"),
        ("$", "€500", "this key result counts dollars, not euros"),
        ("EUR", "$500", "this key result counts euros, not dollars"),
        ("$", "$500", 500),
        ("$", "500$", 500),
        ("usd", "$500", 500),
        ("members", "500", 500),
        ("", "$500", 500),
    ],
)
def test_a_currency_must_be_the_key_results_unit(
    unit: str, typed: str, outcome: str | float
) -> None:
    if isinstance(outcome, str):
        with pytest.raises(ValueError, match=re.escape(outcome)):
            parse_number(typed, locale="en", unit=unit)
    else:
        assert parse_number(typed, locale="en", unit=unit) == outcome


@pytest.mark.parametrize("typed", ["9" * 400, "1e400", "nan", "inf", "-inf", "9" * 15 + "k"])
def test_no_typing_gives_a_number_json_cannot_hold(typed: str) -> None:
    try:
        value = parse_number(typed, locale="en")
    except ValueError:
        return
    assert math.isfinite(value) and abs(value) <= 1e15


def test_milestones_take_done_or_percent() -> None:
    assert parse_milestone("done", locale="en") == 100
    assert parse_milestone("60%", locale="en") == 60
    assert parse_milestone("12,5", locale="de") == 12.5
    with pytest.raises(ValueError, match="between 0% and 100%"):
        parse_milestone("140", locale="en")
    with pytest.raises(ValueError, match=re.escape("did you mean 12.5?")):
        parse_milestone("12,5", locale="en")


@pytest.mark.parametrize(
    ("locale", "typed", "score"), [("en", "0.6", 0.6), ("de", "0,6", 0.6), ("de", "70%", 0.7)]
)
def test_scores_are_read_in_the_teams_locale(locale: str, typed: str, score: float) -> None:
    assert parse_score(typed, locale) == pytest.approx(score)


def test_a_misplaced_mark_in_a_score_says_what_was_meant() -> None:
    with pytest.raises(ValueError, match=re.escape("did you mean 0.6?")):
        parse_score("0,6", "en")
    with pytest.raises(ValueError, match="not a score; type one between 0 and 1, like 0,6"):
        parse_score("nan", "de")


@pytest.mark.parametrize(
    ("value", "unit", "locale", "shown"),
    [
        (4800, "$", "en", "$4,800"),
        (4800.5, "$", "en", "$4,800.50"),
        (-4800.5, "$", "en", "-$4,800.50"),
        (4800.5, "$", "de", "$4.800,50"),
        (4800.125, "$", "en", "$4,800.125"),
        (5000, "¥", "en", "¥5,000"),
        (226, "members", "en", "226 members"),
        (1200.5, "members", "de", "1.200,5 members"),
        (12.5, "%", "en", "12.5%"),
        (12.25, "%", "en", "12.25%"),
        (0.125, "", "en", "0.125"),
        (4800.5 - 4800.3, "", "en", "0.2"),  # float noise is not a decimal anyone typed
        (1e15, "", "en", "1,000,000,000,000,000"),
        (None, "$", "en", "—"),
    ],
)
def test_numbers_are_shown_with_their_decimals(
    value: float | None, unit: str, locale: str, shown: str
) -> None:
    assert format_number(value, unit, locale) == shown


@pytest.mark.parametrize("locale", ["en", "de", "fr"])
@pytest.mark.parametrize("value", [4800.0, 4800.5, 1_234_567.25, 0.125, -12.5])
def test_a_shown_number_reads_back_the_same(locale: str, value: float) -> None:
    assert parse_number(format_number(value, locale=locale), locale=locale) == value


@pytest.mark.parametrize("value", [0.0, 7.0, 1200.0, 4800.5, 1_234_567.125, 1e15])
def test_english_numbers_are_shown_as_babel_shows_them(value: float) -> None:
    # `en` is formatted without loading Babel; it must agree with Babel's `en`.
    expected = format_decimal(value, locale="en", decimal_quantization=False)
    assert format_number(value, locale="en") == expected


def test_the_locale_is_a_team_setting_checked_against_babel() -> None:
    assert Team(id="sales", name="Sales").locale == "en"
    assert Team(id="sales", name="Sales", locale="de-CH").locale == "de_CH"
    with pytest.raises(ValidationError, match="'xx' is not a locale okrtui knows"):
        Team(id="sales", name="Sales", locale="xx")


def test_the_locale_survives_a_plan_file_round_trip() -> None:
    text = '[[teams]]\nname = "Vertrieb"\nlocale = "de"\n[[teams]]\nname = "Sales"\n'
    plan = parse_plan(text, "plan.toml")
    assert [t.locale for t in plan.teams] == ["de", "en"]
    again = parse_plan(dump_plan(plan), "again.toml")
    assert [t.locale for t in again.teams] == ["de", "en"]
    assert "locale" not in dump_plan(Plan(teams=[plan.teams[1]]))


def test_a_plan_file_with_an_unknown_locale_names_the_place() -> None:
    with pytest.raises(PlanError, match=r"teams\[0\]\.locale: 'xx' is not a locale"):
        parse_plan('[[teams]]\nname = "Sales"\nlocale = "xx"\n', "plan.toml")
