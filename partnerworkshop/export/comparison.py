"""The comparison of a session as text for a terminal, and as JSON for scripts."""

from __future__ import annotations

from typing import Any

from ..model.analysis import KAPPA_MIN_QUESTIONS, Analysis, QuestionResult, one_line
from ..model.base import SIDES
from ..model.inside import InsideParty, RepresentativeReading
from ..model.kinds import KINDS, RelationshipKind
from ..model.reading import Reading

PROMPT_LIMIT = 90
ANSWER_LIMIT = 90


def comparison_json(analysis: Analysis) -> dict[str, Any]:
    """Every figure of the analysis as plain JSON values; kinds by their ids."""
    agreement = analysis.agreement
    headline = analysis.headline
    return {
        "headline": headline.text,
        "headline_parts": {
            "case": headline.case,
            "names": headline.names,
            "kinds": {side: _kind_id(kind) for side, kind in headline.kinds.items()},
            "tentative": headline.tentative,
        },
        "alignment": analysis.alignment,
        "scored": analysis.scored,
        "agreement": {
            "exact": {"percent": agreement.exact_percent, "n": agreement.exact_n},
            "kappa": {
                "value": agreement.kappa,
                "n": agreement.kappa_n,
                "scale": list(agreement.kappa_scale) if agreement.kappa_scale else None,
                "too_few": agreement.kappa_too_few,
                "minimum_n": KAPPA_MIN_QUESTIONS,
            },
        },
        "statuses": analysis.status_counts(),
        "sections": [
            {
                "id": section.section_id,
                "title": section.title,
                "gap": section.gap,
                "scored": section.scored,
            }
            for section in analysis.sections
        ],
        "questions": [
            {
                "id": result.question_id,
                "section": result.section_id,
                "kind": result.kind,
                "gap": result.gap,
                "status": result.status,
                "read_together": result.read_together,
                "importance": result.importance,
                "answers": {"A": result.answer_a, "B": result.answer_b},
                "unsure": list(result.unsure),
                "spread": result.spread,
            }
            for result in analysis.questions
        ],
        "agenda": [
            {
                "question_id": item.question_id,
                "priority": item.priority,
                "reason": item.reason,
                "status": item.status,
                "gap": item.gap,
            }
            for item in analysis.agenda
        ],
        "read_together": [result.question_id for result in analysis.read_together],
        "readings": {
            side: None
            if reading.shares is None
            else {kind.value: share for kind, share in reading.shares.items()}
            for side, reading in analysis.readings.items()
        },
        "reading_details": {
            side: {
                "leading": _kind_id(reading.leading),
                "margin": reading.margin,
                "clarity": reading.clarity,
                "answers_used": reading.answers_used,
                "answers_needed": reading.answers_needed,
                "top": [
                    {
                        "question_id": item.question_id,
                        "prompt": item.prompt,
                        "answer": item.answer,
                        "contribution": item.contribution,
                    }
                    for item in reading.top
                ],
            }
            for side, reading in analysis.readings.items()
        },
        "representatives": {
            side: []
            if inside is None
            else [_representative_json(item) for item in inside.representatives]
            for side, inside in analysis.inside.items()
        },
        "inside": {
            side: None
            if inside is None
            else {
                "headline": inside.headline,
                "differ": list(inside.differ),
                "settle_first": list(inside.settle_first),
            }
            for side, inside in analysis.inside.items()
        },
    }


def _representative_json(item: RepresentativeReading) -> dict[str, Any]:
    """One representative's answers and reading, named only as the party allows."""
    reading = item.reading
    return {
        "name": item.respondent.label,
        "answers": item.answers,
        "reading": None
        if reading.shares is None
        else {kind.value: share for kind, share in reading.shares.items()},
        "leading": _kind_id(reading.leading),
        "clarity": reading.clarity,
    }


def _kind_id(kind: RelationshipKind | None) -> str | None:
    return None if kind is None else kind.value


def comparison_text(analysis: Analysis) -> str:
    """The report a facilitator reads in a terminal: headline, figures, sections, agenda,
    free-text answers to read together, and each party's reading."""
    lines = [analysis.headline.text, ""]
    lines += _figures(analysis)
    lines += ["", "Sections (gap: 0 = the same answers, 1 = as far apart as possible)"]
    width = max(len(one_line(section.title, 50)) for section in analysis.sections)
    for section in analysis.sections:
        gap = "   -" if section.gap is None else f"{section.gap:4.2f}"
        count = "nothing to compare yet" if not section.scored else _questions(section.scored)
        lines.append(f"  {one_line(section.title, 50):<{width}}  {gap}  ({count})")
    lines.append("")
    lines += _agenda(analysis)
    if analysis.read_together:
        lines += ["", "To read together (free-text answers)"]
        for result in analysis.read_together:
            lines += _read_together(analysis, result)
    lines += ["", "Readings (which kind of relationship each party's answers describe)"]
    for side in SIDES:
        lines += _reading(analysis.names[side], analysis.readings[side])
    for side in SIDES:
        inside = analysis.inside[side]
        if inside is not None:
            lines += ["", *_inside(analysis, inside)]
    return "\n".join(lines) + "\n"


def _questions(count: int) -> str:
    return f"{count} question" if count == 1 else f"{count} questions"


def _figures(analysis: Analysis) -> list[str]:
    agreement = analysis.agreement
    if analysis.alignment is None:
        return ["Alignment: no question has answers from both parties yet."]
    lines = [
        f"Alignment: {analysis.alignment:.0f} out of 100, "
        f"from {_questions(analysis.scored)} both parties answered",
    ]
    assert agreement.exact_percent is not None
    lines.append(
        f"Exact agreement (the same answer): {agreement.exact_percent:.0f}% "
        f"of {_questions(agreement.exact_n)}"
    )
    if agreement.kappa_scale is None:
        lines.append("Kappa: no scale question has answers from both parties yet.")
    else:
        low, high = agreement.kappa_scale
        where = f"{_questions(agreement.kappa_n)} on the {low}-{high} scale"
        if agreement.kappa is None:
            lines.append(f"Kappa ({where}): cannot be computed, every answer is the same.")
        else:
            lines.append(f"Kappa, agreement beyond chance ({where}): {agreement.kappa:.2f}")
        if agreement.kappa_too_few:
            lines.append(
                f"  Too few questions for kappa to mean much (it needs {KAPPA_MIN_QUESTIONS})."
            )
    counts = analysis.status_counts()
    lines.append("Status: " + ", ".join(f"{count} {status}" for status, count in counts.items()))
    return lines


def _agenda(analysis: Analysis) -> list[str]:
    if not analysis.agenda:
        return ["Agenda: nothing to discuss; every question is agreed or close."]
    prompts = {result.question_id: result.prompt for result in analysis.questions}
    lines = [f"Agenda: {_questions(len(analysis.agenda))} to discuss, most pressing first"]
    number_width = len(str(len(analysis.agenda)))
    indent = " " * (number_width + 4)
    for number, item in enumerate(analysis.agenda, start=1):
        prompt = one_line(prompts[item.question_id], PROMPT_LIMIT)
        lines.append(f"  {number:>{number_width}}. {prompt} [{item.status}]")
        lines.append(f"{indent}{item.reason}")
    return lines


def _read_together(analysis: Analysis, result: QuestionResult) -> list[str]:
    lines = [f"  {one_line(result.prompt, PROMPT_LIMIT)}"]
    for side in SIDES:
        answer = result.answer(side)
        name = one_line(analysis.names[side], 40)
        if answer is None:
            lines.append(f"    {name} has not answered yet")
        else:
            lines.append(f"    {name}: {one_line(answer, ANSWER_LIMIT)}")
    return lines


def _inside(analysis: Analysis, inside: InsideParty) -> list[str]:
    """How far apart the party's own representatives are, and what it should settle first."""
    name = one_line(inside.name, 40)
    lines = [f"Inside {name} (its representatives' own answers)"]
    if inside.headline:
        lines.append(f"  {inside.headline}")
    for item in inside.representatives:
        lines += _reading(item.respondent.label, item.reading)
    if inside.settle_first:
        prompts = {result.question_id: result.prompt for result in analysis.questions}
        lines.append(f"  To settle within {name} first, most divided first:")
        for question_id in inside.settle_first:
            spread = inside.spread[question_id]
            figure = "   -" if spread is None else f"{spread:4.2f}"
            lines.append(f"    {figure}  {one_line(prompts[question_id], PROMPT_LIMIT)}")
    else:
        lines.append(f"  Nothing left to settle within {name}.")
    return lines


def _reading(name: str, reading: Reading) -> list[str]:
    name = one_line(name, 40)
    shares = reading.shares
    if shares is None or reading.leading is None:
        return [
            f"  {name}: not enough answers yet "
            f"({reading.answers_used} of the {reading.answers_needed} needed)"
        ]
    ranked = ", ".join(
        f"{kind.label} {shares[kind]:.0%}" for kind in sorted(KINDS, key=lambda kind: -shares[kind])
    )
    lines = [
        f"  {name}: {ranked}",
        f"    a {reading.clarity} lead of {100 * (reading.margin or 0):.0f} points over the next "
        f"kind, from {reading.answers_used} answers",
    ]
    if reading.top:
        lines.append(f"    Answers that weigh most toward {reading.leading.label} (share of it):")
        lines += [
            f"      {item.contribution:4.0%}  {one_line(item.answer, 50)}  "
            f"({one_line(item.prompt, 70)})"
            for item in reading.top
        ]
    return lines
