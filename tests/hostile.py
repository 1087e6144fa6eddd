"""Hostile text: what people paste into names, answers and definitions, and a session full of it.

Markup, control characters, right-to-left text and bidi overrides, emoji and joined sequences,
combining marks and very long text. Tests of saving, loading, the analysis and the charter use
:func:`hostile_session` to check that every part of the app treats such text as plain text.
"""

from __future__ import annotations

from typing import Any

from partnerworkshop.model.catalog import example_session
from partnerworkshop.model.session import Session
from partnerworkshop.model.template import TextQuestion

CONTROL_CHARACTERS = "".join(chr(code) for code in range(0x20)) + "\x7f\u2028\u2029\x85"

HOSTILE_TEXTS: dict[str, str] = {
    "markup": "<b>bold</b> <i>and</i> <font size=40>big</font> <br/> <para>",
    "ampersands": "A&B <Ltd> &amp; &lt;tag&gt; &#x41; &nbsp;",
    "script": "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "quotes and escapes": "\"double\" 'single' `back` \\ \\n \\u0000 \\x41 ]]> -->",
    "format strings": "%s %d %(name)s {0} {title} {{ config }} ${HOME} $(echo hi)",
    "control characters": f"before{CONTROL_CHARACTERS}after",
    "right to left": "شراكة استراتيجية and שותפות אסטרטגית",
    "bidi overrides": "\u202eelif.exe\u202c \u202dforced\u202c \u2066isolate\u2069 \u200f\u200e",
    "emoji": "🤝 👩\u200d👩\u200d👧\u200d👦 🏳\ufe0f\u200d🌈 👍🏽 🇬🇧🇪🇺 1\ufe0f\u20e3",
    "combining": "e\u0301 a\u0308 "
    "Z\u0324\u0354\u0367\u0311\u0353a\u0364\u0356l\u036eg\u030c\u0317o\u0319",
    "zero width": "zero\u200bwidth\u200cnon\u200djoiner\ufeffbom\u2060word",
    "scripts": "Zoë Łukasiewicz · Ørsted · Ελληνικά · Русский · 合作伙伴关系 · 日本語 · 한국어",
    "whitespace only": " \t \u00a0\u3000 ",
    "noncharacters": "\ufffe\uffff\U0010ffff\ufffd",
}

# A text as long as a text answer may be, made of every kind of hostile text above.
LONG_TEXT = ("".join(HOSTILE_TEXTS.values()) * 20)[:10_000]

# Fields limited in length (a party's short label) get a short hostile text.
SHORT_HOSTILE = "<b>A&B</b>\u202e🤝e\u0301\x00"


def _hostile(index: int) -> str:
    """A different hostile text for each field, so a mix-up between fields would show."""
    texts = list(HOSTILE_TEXTS.values())
    return f"{index}: {texts[index % len(texts)]}"


def _fill_template(template: dict[str, Any], counter: list[int]) -> None:
    def next_text() -> str:
        counter[0] += 1
        return _hostile(counter[0])

    template["title"] = next_text()
    template["description"] = LONG_TEXT
    for section in template["sections"]:
        section["title"] = next_text()
        section["introduction"] = next_text()
        for question in section["questions"]:
            question["prompt"] = next_text()
            question["help"] = next_text()
            if question["kind"] == "split":
                question["topic"] = next_text()
            if question["kind"] == "text":
                question["max_length"] = len(LONG_TEXT)
            for choice in question.get("options", []) + question.get("points", []):
                choice["label"] = next_text()
                choice["description"] = next_text()


def hostile_session() -> Session:
    """The example session with hostile text in every text a person can type.

    Names, roles, answers (Northwind's representatives' own as well), comments, the
    questionnaire's own wording, agreed positions, parked
    items, action items, the agreed definition and the signatories all hold hostile text; one
    comment, one text answer and the definition are 10,000 characters long.
    """
    raw = example_session().model_dump(mode="json")
    counter = [0]

    def next_text() -> str:
        counter[0] += 1
        return _hostile(counter[0])

    workshop = raw["workshop"]
    for name in ("title", "location", "facilitator"):
        workshop[name] = next_text()
    for side in ("A", "B"):
        party = raw["parties"][side]
        party["organisation"] = next_text()
        party["label"] = SHORT_HOSTILE
        for representative in party["representatives"]:
            representative["name"] = next_text()
            representative["role"] = next_text()
            representative["email"] = "o'brien+<b>&amp;</b>@exämple.com"
    _fill_template(raw["template"], counter)

    text_questions = [
        question.id
        for question in example_session().template.questions()
        if isinstance(question, TextQuestion)
    ]
    for side in ("A", "B"):
        answers = raw["answers"][side]
        for question_id, answer in answers.items():
            answer["comment"] = next_text()
            if question_id in text_questions:
                answer["value"] = next_text()
    first_text_question = text_questions[0]
    raw["answers"]["A"][first_text_question]["value"] = LONG_TEXT
    raw["answers"]["B"][first_text_question] = {"comment": LONG_TEXT}

    # Northwind's representatives answer individually: the first as Northwind, the second as
    # Contoso answered, hostile comments and text answers included.
    northwind = raw["parties"]["A"]
    northwind["answering"] = "individually"
    first, second = (person["id"] for person in northwind["representatives"][:2])
    raw["individual"]["A"]["by_representative"] = {
        first: dict(raw["answers"]["A"]),
        second: dict(raw["answers"]["B"]),
    }

    answered = list(raw["answers"]["A"])
    raw["agreement"] = {
        "status": "draft",
        "items": {
            answered[0]: {"resolution": "adopt_a", "notes": next_text()},
            answered[1]: {"resolution": "agreed", "wording": next_text(), "notes": next_text()},
            answered[2]: {"resolution": "parked", "owner": next_text(), "due": "2026-07-01"},
            first_text_question: {"resolution": "agreed", "value": next_text()},
        },
        "definition": LONG_TEXT,
        "agreed_kind": "strategic_partnership",
        "action_items": [
            {"what": next_text(), "owner_party": "A", "owner": next_text()},
            {"what": LONG_TEXT, "owner_party": "B", "owner": SHORT_HOSTILE},
        ],
        "signatories": [
            {"party": side, "name": next_text(), "title": next_text(), "organisation": next_text()}
            for side in ("A", "B")
        ],
    }
    return Session.model_validate(raw)
