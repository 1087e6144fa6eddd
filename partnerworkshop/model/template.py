"""Questionnaire templates: sections of questions, each of one kind, with relationship signals.

Every choice a party can make (an option, a scale point, a ranked item, how evenly a split is
shared) carries *signals*: weights from 0 to 1 toward the kinds of relationship it suggests.
The relationship-type reading adds them up.

Every choice also carries a *statement*: how the charter words it once both parties agree on it,
in the third person, with ``{A}`` and ``{B}`` standing for the two organisations' names (see
:mod:`partnerworkshop.model.statements`).
"""

from __future__ import annotations

import reprlib
from abc import abstractmethod
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import (
    Field,
    PlainValidator,
    PrivateAttr,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from .base import Identifier, LongText, Model, ShortText
from .kinds import RelationshipKind

TEMPLATE_FORMAT = "partnerworkshop-template"
TEMPLATE_SCHEMA_VERSION = 2

Weight = Annotated[float, Field(ge=0.0, le=1.0)]
Signals = dict[RelationshipKind, Weight]


# How values from a file appear in a message: a few items, a few digits, a few characters.
_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict = 3, 10, 5
_SHORT.maxstring = _SHORT.maxlong = _SHORT.maxother = 80


def short_repr(value: object, limit: int = 60) -> str:
    """A value as it would be written in a file, cut short for a message."""
    text = _SHORT.repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def short_text(text: str, limit: int = 60) -> str:
    """Text from a file as a message shows it: cut short, control and invisible characters escaped.

    Escaping keeps a line break, a right-to-left override or a zero-width character in a file
    from changing how the message itself reads.
    """
    shown = "".join(
        character if character.isprintable() else repr(character)[1:-1]
        for character in text[: limit + 1]
    )
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


def invalid_character_problem(text: str) -> str | None:
    """What is wrong with text that holds a lone surrogate, or None if the text is sound.

    A lone surrogate (such as the JSON escape \\ud800 without its pair) is half of a character
    code: no file can hold it, so text with one is refused wherever it comes from.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        code = f"\\u{ord(text[error.start]):04x}"
        return f'the text "{short_text(text)}" holds an invalid character code ({code})'
    return None


def _answer_value(value: object) -> int | str | list[str]:
    if isinstance(value, bool):
        pass  # JSON true/false is never a number on a scale
    elif isinstance(value, int):
        return value
    elif isinstance(value, str):
        return _sound_text(value)
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [_sound_text(item) for item in value]
    raise ValueError(
        f"an answer must be a whole number, a text or a list of option ids, not {short_repr(value)}"
    )


def _sound_text(text: str) -> str:
    problem = invalid_character_problem(text)
    if problem:
        raise ValueError(problem)
    return text


# What an answer holds, by question kind: scale and split a whole number, single choice and
# text a string, multiple choice and ranking a list of option ids.
AnswerValue = Annotated[
    int | str | list[str],
    PlainValidator(_answer_value),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer"},
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}},
            ]
        }
    ),
]


class AnswerValueError(ValueError):
    """An answer that does not fit its question; the message names the question."""


_STATEMENT_HELP = (
    "How the charter states this choice once both parties agree on it: one sentence in the "
    "third person, present tense, with {A} and {B} standing for the two organisations' names."
)


class Option(Model):
    id: Identifier
    label: ShortText = Field(min_length=1)
    description: LongText = ""
    signals: Signals = {}
    statement: LongText = Field(
        default="",
        description=(
            f"{_STATEMENT_HELP} In a multiple choice or a ranking, the option in words that fit "
            "the question's statement (e.g. 'lower prices or better commercial terms')."
        ),
    )
    kind: RelationshipKind | None = Field(
        default=None,
        description="The kind of relationship this option names, in a question that asks_kind.",
    )


# Scale points are small whole numbers (1 to 5, 0 to 10); these bounds keep them printable.
SCALE_LIMIT = 1000


class ScalePoint(Model):
    value: int = Field(ge=-SCALE_LIMIT, le=SCALE_LIMIT)
    label: ShortText = Field(min_length=1)
    description: LongText = ""
    signals: Signals = {}
    statement: LongText = Field(default="", description=_STATEMENT_HELP)


class QuestionBase(Model):
    id: Identifier
    prompt: LongText = Field(min_length=1)
    help: LongText = Field(min_length=1)
    required: bool = True
    allow_not_sure: bool = True

    @property
    def scored(self) -> bool:
        """Whether two answers to this question can be compared by a number."""
        return True

    def describe_value(self, value: AnswerValue) -> str:
        """The answer in words, as a person would read it aloud."""
        return str(value)

    @abstractmethod
    def check_value(self, value: object) -> AnswerValue:
        """Return the value if it fits this question, else raise :class:`AnswerValueError`."""

    def _fail(self, problem: str) -> AnswerValueError:
        return AnswerValueError(f'Question "{self.id}": {problem}')


def _check_unique(ids: list[str], what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise ValueError(f'{what} "{item}" appears more than once')
        seen.add(item)


class _OptionsQuestion(QuestionBase):
    options: list[Option] = Field(min_length=2)

    @field_validator("options")
    @classmethod
    def _unique_options(cls, options: list[Option]) -> list[Option]:
        _check_unique([option.id for option in options], "option")
        return options

    def option(self, option_id: str) -> Option:
        for option in self.options:
            if option.id == option_id:
                return option
        raise KeyError(option_id)

    def option_ids(self) -> list[str]:
        return [option.id for option in self.options]

    def _allowed(self) -> str:
        return ", ".join(self.option_ids())

    def _check_option(self, value: object) -> str:
        if not isinstance(value, str):
            raise self._fail(f"expected one option id, got {short_repr(value)}")
        if value not in self.option_ids():
            raise self._fail(
                f'there is no option "{short_text(value)}" (the options are {self._allowed()})'
            )
        return value

    def _check_option_list(self, value: object) -> list[str]:
        if not isinstance(value, list):
            raise self._fail(f"expected a list of option ids, got {short_repr(value)}")
        for item in value:
            self._check_option(item)
        if len(set(value)) != len(value):
            raise self._fail("an option is listed more than once")
        return list(value)

    def _labels(self, ids: list[str]) -> str:
        return "; ".join(self.option(option_id).label for option_id in ids)


class ScaleQuestion(QuestionBase):
    kind: Literal["scale"] = "scale"
    points: list[ScalePoint] = Field(min_length=2, max_length=21)

    @field_validator("points")
    @classmethod
    def _consecutive(cls, points: list[ScalePoint]) -> list[ScalePoint]:
        values = [point.value for point in points]
        if values != list(range(values[0], values[0] + len(values))):
            raise ValueError(
                "scale points must be consecutive whole numbers in increasing order, "
                f"got {short_repr(values)}"
            )
        return points

    @property
    def minimum(self) -> int:
        return self.points[0].value

    @property
    def maximum(self) -> int:
        return self.points[-1].value

    def point(self, value: int) -> ScalePoint:
        return self.points[value - self.minimum]

    def check_value(self, value: object) -> AnswerValue:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._fail(f"expected a whole number on the scale, got {short_repr(value)}")
        if not self.minimum <= value <= self.maximum:
            raise self._fail(
                f"{short_repr(value)} is outside the scale {self.minimum}-{self.maximum}"
            )
        return value

    def describe_value(self, value: AnswerValue) -> str:
        assert isinstance(value, int)
        return f"{value} ({self.point(value).label})"


class SingleChoiceQuestion(_OptionsQuestion):
    kind: Literal["single"] = "single"
    ordered: bool = False
    asks_kind: bool = Field(
        default=False,
        description=(
            "This question asks which kind of relationship the parties have in mind: its agreed "
            "answer proposes the agreed kind (each option names its kind)."
        ),
    )

    def check_value(self, value: object) -> AnswerValue:
        return self._check_option(value)

    def describe_value(self, value: AnswerValue) -> str:
        assert isinstance(value, str)
        return self.option(value).label


class MultipleChoiceQuestion(_OptionsQuestion):
    kind: Literal["multiple"] = "multiple"
    max_choices: int | None = Field(default=None, ge=1, le=1000)
    statement: LongText = Field(
        default="",
        description=(
            "How the charter states the agreed choices: one sentence with {A}, {B} and "
            "{choices} (the chosen options' statements, joined with commas and 'and')."
        ),
    )
    statement_none: LongText = Field(
        default="", description="How the charter states that none of the options is agreed."
    )

    def check_value(self, value: object) -> AnswerValue:
        chosen = self._check_option_list(value)
        if self.max_choices is not None and len(chosen) > self.max_choices:
            raise self._fail(f"at most {self.max_choices} options may be chosen, got {len(chosen)}")
        # One order for the same set of choices, so equal answers are equal values.
        return [option_id for option_id in self.option_ids() if option_id in chosen]

    def describe_value(self, value: AnswerValue) -> str:
        assert isinstance(value, list)
        return self._labels(value) if value else "none of these"


class RankingQuestion(_OptionsQuestion):
    kind: Literal["ranking"] = "ranking"
    statement: LongText = Field(
        default="",
        description=(
            "How the charter states the agreed order: one sentence with {A}, {B} and {order} "
            "(the options' statements, numbered in the agreed order)."
        ),
    )

    def check_value(self, value: object) -> AnswerValue:
        ranked = self._check_option_list(value)
        if sorted(ranked) != sorted(self.option_ids()):
            raise self._fail(
                f"a ranking must list every item exactly once ({self._allowed()}), "
                f"got {short_repr(ranked)}"
            )
        return ranked

    def describe_value(self, value: AnswerValue) -> str:
        assert isinstance(value, list)
        return " > ".join(self.option(option_id).label for option_id in value)


class SplitQuestion(QuestionBase):
    """How something (costs, work, risk, rewards) is shared: the percentage carried by party A.

    The reading uses how even the split is: an even split moves toward ``signals_even``, a
    one-sided one toward ``signals_one_sided``, linearly in between.
    """

    kind: Literal["split"] = "split"
    topic: ShortText = Field(min_length=1, description="What is shared, e.g. 'the costs'.")
    signals_even: Signals = {}
    signals_one_sided: Signals = {}
    statement_even: LongText = Field(
        default="", description="How the charter states a 50/50 split, with {A} and {B}."
    )
    statement_uneven: LongText = Field(
        default="",
        description=(
            "How the charter states any other split, with {larger} and {smaller} (the parties "
            "carrying the larger and the smaller share) and {larger_share} and {smaller_share} "
            "(their percentages)."
        ),
    )
    statement_whole: LongText = Field(
        default="",
        description=(
            "How the charter states a 100/0 split, with {larger} (the party that carries it "
            "all) and {smaller} (the party that carries none)."
        ),
    )

    def check_value(self, value: object) -> AnswerValue:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._fail(f"expected a whole percentage from 0 to 100, got {short_repr(value)}")
        if not 0 <= value <= 100:
            raise self._fail(f"a split must be between 0 and 100 percent, got {short_repr(value)}")
        return value

    def describe_value(self, value: AnswerValue) -> str:
        assert isinstance(value, int)
        return f"{value}/{100 - value}"


class TextQuestion(QuestionBase):
    kind: Literal["text"] = "text"
    max_length: int = Field(default=10_000, ge=1, le=100_000)
    statement: LongText = Field(
        default="",
        description=(
            "How the charter introduces the agreed wording: one sentence with {A} and {B}, "
            "ending in a colon; the agreed wording follows it."
        ),
    )

    @property
    def scored(self) -> bool:
        return False

    def check_value(self, value: object) -> AnswerValue:
        if not isinstance(value, str):
            raise self._fail(f"expected text, got {short_repr(value)}")
        if len(value) > self.max_length:
            raise self._fail(f"the text is {len(value)} characters long; at most {self.max_length}")
        return value


Question = Annotated[
    ScaleQuestion
    | SingleChoiceQuestion
    | MultipleChoiceQuestion
    | SplitQuestion
    | RankingQuestion
    | TextQuestion,
    Field(discriminator="kind"),
]
QuestionKind = Literal["scale", "single", "multiple", "split", "ranking", "text"]
OptionsQuestion = SingleChoiceQuestion | MultipleChoiceQuestion | RankingQuestion


class Section(Model):
    id: Identifier
    title: ShortText = Field(min_length=1)
    introduction: LongText = ""
    questions: list[Question] = Field(min_length=1)


class Source(Model):
    """A framework or text the questionnaire draws on, described in the template's own words."""

    citation: LongText = Field(min_length=1)
    note: LongText = ""


class Questionnaire(Model):
    format: Literal["partnerworkshop-template"] = "partnerworkshop-template"
    schema_version: int = TEMPLATE_SCHEMA_VERSION
    id: Identifier
    version: ShortText = Field(min_length=1)
    title: ShortText = Field(min_length=1)
    description: LongText = ""
    language: ShortText = "en"
    sources: list[Source] = []
    sections: list[Section] = Field(min_length=1)

    _index: dict[str, tuple[Section, Question]] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _unique_ids(self) -> Questionnaire:
        _check_unique([section.id for section in self.sections], "section id")
        _check_unique([q.id for section in self.sections for q in section.questions], "question id")
        self._index = {
            question.id: (section, question)
            for section in self.sections
            for question in section.questions
        }
        return self

    def questions(self) -> Iterator[Question]:
        for section in self.sections:
            yield from section.questions

    @property
    def question_count(self) -> int:
        return len(self._index)

    def question(self, question_id: str) -> Question:
        """The question with this id; raises KeyError if the questionnaire has none."""
        return self._index[question_id][1]

    def section_of(self, question_id: str) -> Section:
        return self._index[question_id][0]

    def has_question(self, question_id: str) -> bool:
        return question_id in self._index

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)
