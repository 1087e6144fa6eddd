"""Answer packs: a session file one party fills in on its own laptop, then brings back.

A pack is an ordinary session file with ``pack_for`` set. It holds the questionnaire, the
workshop details and that party's answers only. Nothing in it may reveal the other party's
positions: its answers, the agreement record and the sections revealed in blind mode are left out.
It keeps the session's id, which is how merging recognises where it belongs.

A pack for the whole party is answered as one and holds no individual answers. A pack for one
representative of a party (``pack_for_representative``) holds that
representative's own individual answers and nothing else: not the party's answers, which are
settled from everyone's, nor any other representative's answers or name.
"""

from __future__ import annotations

from typing import Any

from .base import Side, other_side
from .incoming import AnswersPlan, AnswersRefused, plan_incoming
from .session import Agreement, IndividualAnswers, Session


def make_pack(session: Session, side: Side, representative: str | None = None) -> Session:
    """A copy of the session for Party ``side`` (or one representative of it, by id) alone to
    fill in."""
    if session.pack_for is not None:
        raise AnswersRefused(
            [
                f"this file is already an answer pack for Party {session.pack_for}; "
                "make answer packs from the full session"
            ]
        )
    other = other_side(side)
    data: dict[str, Any] = session.model_dump()
    data["pack_for"] = side
    data["answers"][other] = {}
    # Who sits on the other side is not needed to answer; their names and e-mails stay behind.
    data["parties"][other]["representatives"] = []
    data["agreement"] = Agreement().model_dump()
    data["answering"]["current"] = side
    data["answering"]["revealed"] = []
    data["answering"]["representatives"] = {} if representative is None else {side: representative}
    # A party's pack is answered by the party as one; a representative's by them alone.
    data["individual"] = IndividualAnswers().model_dump()
    data["parties"][side]["answering"] = "as_one" if representative is None else "individually"
    if representative is not None:
        data.update(_representative_part(session, side, representative))
        data["answers"][side] = {}
        data["parties"][side]["representatives"] = [
            person
            for person in data["parties"][side]["representatives"]
            if person["id"] == representative
        ]
    return Session.model_validate(data)


def _representative_part(session: Session, side: Side, representative: str) -> dict[str, Any]:
    """The pack's fields that make it one representative's: their answers, and whose it is."""
    try:
        session.party(side).representative(representative)
    except KeyError:
        raise AnswersRefused([f"Party {side} has no such representative"]) from None
    individual = IndividualAnswers()
    own = session.representative_answers(side, representative)
    if own:
        getattr(individual, side).by_representative = {representative: dict(own)}
    return {
        "individual": individual.model_dump(),
        "pack_for_representative": representative,
    }


def plan_merge(session: Session, pack: Session) -> AnswersPlan:
    """What merging the answer pack into the session would change; AnswersRefused if it must not.

    The pack must be an answer pack made from this very session, with the same questionnaire.
    """
    problems: list[str] = []
    if pack.pack_for is None:
        problems.append(
            "this is a full session file, not an answer pack (an answer pack is made for one party)"
        )
    if session.pack_for is not None:
        problems.append(
            f"the session to merge into is itself an answer pack for Party {session.pack_for}; "
            "merge answer packs into the full session"
        )
    if pack.id != session.id:
        title = f' "{pack.workshop.title}"' if pack.workshop.title else ""
        problems.append(
            f"this answer pack was made from another session{title} (id {pack.id}); "
            f"it can only be merged into the session it was made from (id {session.id})"
        )
    if (pack.template.id, pack.template.version) != (session.template.id, session.template.version):
        problems.append(
            f'this answer pack uses the questionnaire "{pack.template.id}" version '
            f'{pack.template.version}; the session uses "{session.template.id}" version '
            f"{session.template.version}"
        )
    if problems:
        raise AnswersRefused(problems)
    side = pack.pack_for
    assert side is not None  # refused above otherwise
    representative = pack.pack_for_representative
    if representative is None:
        return plan_incoming(session, side, pack.answers_of(side))
    return plan_incoming(
        session, side, pack.representative_answers(side, representative), representative
    )
