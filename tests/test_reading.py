"""The reading of each party's answers, and the headline sentence."""

from __future__ import annotations

import pytest
from factories import make_session

from partnerworkshop.model.analysis import analyse
from partnerworkshop.model.base import Side
from partnerworkshop.model.catalog import builtin_template, example_session
from partnerworkshop.model.kinds import KINDS
from partnerworkshop.model.kinds import RelationshipKind as K
from partnerworkshop.model.reading import (
    CLEAR_MARGIN,
    MIN_READING_ANSWERS,
    NARROW_MARGIN,
    Reading,
    answer_signals,
    answers_needed,
    carries_signals,
    clarity_of,
    headline,
    read_party,
    with_article,
)
from partnerworkshop.model.session import Answer
from partnerworkshop.model.template import Questionnaire


def test_signals_of_each_kind_of_answer(small_template: Questionnaire) -> None:
    question = small_template.question
    assert answer_signals(question("trust"), 4) == pytest.approx({K.STRATEGIC_PARTNERSHIP: 0.8})
    assert answer_signals(question("name"), "account") == {K.KEY_ACCOUNT: 1.0}
    # Each chosen option's signals divided by the number chosen; "people" has none.
    assert answer_signals(question("brings"), ["money", "people"]) == {K.SPONSORSHIP: 0.5}
    assert answer_signals(question("brings"), ["money", "brand"]) == {K.SPONSORSHIP: 1.0}
    assert answer_signals(question("brings"), []) == {}
    # Positions weigh 3, 2, 1 out of 6.
    assert answer_signals(question("priorities"), ["price", "service", "joint"]) == pytest.approx(
        {K.PURCHASE_ORDER: 3 / 6, K.KEY_ACCOUNT: 2 / 6, K.STRATEGIC_PARTNERSHIP: 1 / 6}
    )
    # Evenness 1 - |80 - 50| / 50 = 0.4 toward even, 0.6 toward one-sided.
    assert answer_signals(question("costs"), 80) == pytest.approx(
        {K.STRATEGIC_PARTNERSHIP: 0.4, K.KEY_ACCOUNT: 0.6}
    )
    assert answer_signals(question("costs"), 50) == pytest.approx(
        {K.STRATEGIC_PARTNERSHIP: 1.0, K.KEY_ACCOUNT: 0.0}
    )
    assert answer_signals(question("costs"), 0) == pytest.approx(
        {K.STRATEGIC_PARTNERSHIP: 0.0, K.KEY_ACCOUNT: 1.0}
    )
    assert answer_signals(question("success"), "Growth.") == {}


FULL_A = {
    "trust": Answer(value=5, importance="high"),  # strategic partnership 1.0 x 3
    "name": Answer(value="account"),  # key account 1.0 x 2
    "brings": Answer(value=["money"], importance="low"),  # sponsorship 1.0 x 1
    "costs": Answer(value=100),  # one-sided: key account 1.0 x 2
    "priorities": Answer(value=["service", "joint", "price"]),  # (KA 3, SP 2, PO 1) / 6 x 2
}


def test_shares_contributions_and_clarity_by_hand(small_template: Questionnaire) -> None:
    reading = read_party(make_session(small_template, FULL_A), "A")
    # Totals: key account 2 + 2 + 1 = 5, strategic partnership 3 + 2/3, sponsorship 1,
    # purchase order 1/3; 10 in all.
    assert reading.shares is not None
    assert list(reading.shares) == list(KINDS)
    assert reading.shares == pytest.approx(
        {
            K.PURCHASE_ORDER: 1 / 30,
            K.KEY_ACCOUNT: 0.5,
            K.AFFILIATE: 0.0,
            K.SPONSORSHIP: 0.1,
            K.STRATEGIC_PARTNERSHIP: 11 / 30,
            K.PUBLIC_COLLABORATION: 0.0,
        }
    )
    assert sum(reading.shares.values()) == pytest.approx(1.0)
    assert reading.leading == K.KEY_ACCOUNT
    assert reading.margin == pytest.approx(0.5 - 11 / 30)
    assert reading.clarity == "clear"
    assert (reading.answers_used, reading.answers_needed) == (5, MIN_READING_ANSWERS)
    # Toward the key account: name 2/5, costs 2/5 (a tie: questionnaire order), priorities 1/5.
    assert [(item.question_id, item.answer) for item in reading.top] == [
        ("name", "Account"),
        ("costs", "100/0"),
        ("priorities", "Service > Joint > Price"),
    ]
    assert [item.contribution for item in reading.top] == pytest.approx([0.4, 0.4, 0.2])
    assert reading.top[0].prompt == "What do you call it?"


def test_not_enough_answers_gives_no_reading(small_template: Questionnaire) -> None:
    answers = {
        **FULL_A,
        "brings": Answer(value=["people"]),  # no signals: says nothing about the kind
        "costs": Answer(value=100, not_sure=True),  # not sure: contributes nothing
    }
    reading = read_party(make_session(small_template, answers), "A")
    assert not reading.enough_answers
    assert (reading.shares, reading.leading, reading.margin, reading.clarity) == (
        None,
        None,
        None,
        None,
    )
    assert reading.top == ()
    assert (reading.answers_used, reading.answers_needed) == (3, MIN_READING_ANSWERS)


def test_a_long_questionnaire_needs_a_third_of_its_questions() -> None:
    template = builtin_template()
    informative = sum(1 for question in template.questions() if carries_signals(question))
    assert informative > 3 * MIN_READING_ANSWERS
    assert answers_needed(template) == -(-informative // 3)


@pytest.mark.parametrize(
    ("margin", "clarity"),
    [
        (0.5, "clear"),
        (CLEAR_MARGIN, "clear"),
        (CLEAR_MARGIN - 0.001, "narrow"),
        (NARROW_MARGIN, "narrow"),
        (NARROW_MARGIN - 0.001, "unclear"),
        (0.0, "unclear"),
    ],
)
def test_clarity_thresholds(margin: float, clarity: str) -> None:
    assert clarity_of(margin) == clarity


def test_the_example_session_reads_key_account_and_strategic_partnership() -> None:
    analysis = analyse(example_session())
    northwind, contoso = analysis.readings["A"], analysis.readings["B"]
    assert northwind.leading == K.KEY_ACCOUNT
    assert contoso.leading == K.STRATEGIC_PARTNERSHIP
    assert northwind.clarity == contoso.clarity == "clear"
    assert 3 <= len(northwind.top) <= 5
    assert northwind.top[0].question_id == "name.kind_in_mind"
    assert northwind.top[0].answer == "A key account"
    assert analysis.headline.text == (
        "Northwind describes a key account; Contoso describes a strategic partnership."
    )
    assert analysis.headline.case == "different"
    assert analysis.headline.kinds == {"A": K.KEY_ACCOUNT, "B": K.STRATEGIC_PARTNERSHIP}
    assert analysis.headline.names == {"A": "Northwind", "B": "Contoso"}


# --- the headline ------------------------------------------------------------------------------

NAMES: dict[Side, str] = {"A": "Northwind", "B": "Contoso"}


def _reading(side: Side, kind: K | None, margin: float = 0.3) -> Reading:
    if kind is None:
        return Reading(side, None, None, None, None, (), 2, 5)
    shares = dict.fromkeys(KINDS, 0.0)
    shares[kind] = 1.0
    return Reading(side, shares, kind, margin, clarity_of(margin), (), 9, 5)


def _headline(kind_a: K | None, kind_b: K | None, margin_a: float = 0.3) -> str:
    readings = {"A": _reading("A", kind_a, margin_a), "B": _reading("B", kind_b)}
    return headline(readings, NAMES).text


def test_headline_names_a_mismatch() -> None:
    assert _headline(K.KEY_ACCOUNT, K.STRATEGIC_PARTNERSHIP) == (
        "Northwind describes a key account; Contoso describes a strategic partnership."
    )
    assert _headline(K.AFFILIATE, K.SPONSORSHIP) == (
        "Northwind describes an affiliate / referral deal; Contoso describes a sponsorship."
    )


def test_headline_names_the_shared_reading() -> None:
    assert _headline(K.STRATEGIC_PARTNERSHIP, K.STRATEGIC_PARTNERSHIP) == (
        "Both Northwind and Contoso describe a strategic partnership."
    )
    readings = {"A": _reading("A", K.AFFILIATE), "B": _reading("B", K.AFFILIATE)}
    parts = headline(readings, NAMES)
    assert parts.case == "same"
    assert parts.kinds == {"A": K.AFFILIATE, "B": K.AFFILIATE}


def test_headline_hedges_an_unclear_lead() -> None:
    assert _headline(K.KEY_ACCOUNT, K.PURCHASE_ORDER, margin_a=0.01) == (
        "Northwind leans toward a key account; Contoso describes a purchase order / supplier "
        "relationship."
    )
    assert _headline(K.KEY_ACCOUNT, K.KEY_ACCOUNT, margin_a=0.01) == (
        "Both Northwind and Contoso lean toward a key account."
    )
    readings = {"A": _reading("A", K.KEY_ACCOUNT, 0.01), "B": _reading("B", K.KEY_ACCOUNT)}
    assert headline(readings, NAMES).tentative == {"A": True, "B": False}


def test_headline_says_when_there_are_not_enough_answers() -> None:
    assert _headline(K.PUBLIC_COLLABORATION, None) == (
        "Northwind describes a public or NGO collaboration; Contoso has not given enough answers "
        "yet to tell what it describes."
    )
    assert _headline(None, K.KEY_ACCOUNT) == (
        "Contoso describes a key account; Northwind has not given enough answers yet to tell "
        "what it describes."
    )
    readings = {"A": _reading("A", None), "B": _reading("B", None)}
    parts = headline(readings, NAMES)
    assert parts.case == "both_short"
    assert parts.kinds == {"A": None, "B": None}
    assert parts.text == (
        "Neither Northwind nor Contoso has given enough answers yet to tell which kind of "
        "relationship each describes."
    )


def test_articles() -> None:
    assert [with_article(kind) for kind in KINDS] == [
        "a purchase order / supplier relationship",
        "a key account",
        "an affiliate / referral deal",
        "a sponsorship",
        "a strategic partnership",
        "a public or NGO collaboration",
    ]
