"""How complete each step is, as the step bar shows it (without building the steps' pages)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ..model.agreement import AgreementCheck, agreement_check, agreement_progress
from ..model.base import SIDES
from ..model.edits import SessionEditor
from ..model.progress import overall_progress
from ..model.session import Session
from .common import answers_hidden_reason, party_name


def _tr(text: str) -> str:
    return QCoreApplication.translate("Steps", text)


def step_statuses(editor: SessionEditor) -> list[str]:
    """One short line per step: Set up, Answer, Compare, Agree, Export."""
    session = editor.session
    workshop = session.workshop
    filled = [
        bool(workshop.title),
        workshop.date is not None,
        bool(workshop.facilitator),
        bool(session.parties.A.organisation),
        bool(session.parties.B.organisation),
    ]
    setup = (
        _tr("Complete")
        if all(filled)
        else _tr("{done} of {total} filled").format(done=sum(filled), total=len(filled))
    )
    answered = " \u00b7 ".join(
        _tr("{name} {done}/{total}").format(
            name=party_name(session, side),
            done=overall_progress(session, side).responded,
            total=session.template.question_count,
        )
        for side in SIDES
    )
    record = session.agreement.last_charter
    exported = (
        _tr("Version {version} exported").format(version=record.version)
        if record is not None
        else _tr("Not exported yet")
    )
    if answers_hidden_reason(session) is not None:
        return [setup, answered, _tr("Hidden until revealed"), "", exported]
    analysis = editor.analysis()
    compare = (
        ""
        if analysis.alignment is None
        else _tr("Alignment {figure}").format(figure=f"{analysis.alignment:.0f}")
    )
    progress = agreement_progress(session, analysis)
    if agreement_check(session, analysis, progress).status == "agreed":
        agree = _tr("Agreed")
    else:
        agree = _tr("{resolved} of {total} resolved, {parked} parked").format(
            resolved=progress.resolved, total=progress.total, parked=progress.parked
        )
    return [setup, answered, compare, agree, exported]


def what_agreed_needs(check: AgreementCheck, session: Session) -> list[str]:
    """What the session still needs before it can be marked agreed, one short phrase each."""
    needs: list[str] = []
    if check.unsettled == 1:
        needs.append(_tr("1 question to settle"))
    elif check.unsettled:
        needs.append(_tr("{count} questions to settle").format(count=check.unsettled))
    if check.without_definition:
        needs.append(_tr("an agreed definition"))
    if check.without_kind:
        needs.append(_tr("the agreed kind of relationship"))
    needs.extend(
        _tr("a named signatory for {name}").format(name=party_name(session, side))
        for side in check.without_signatory
    )
    return needs
