"""Answer packs: a session file one party fills in on its own laptop, then brings back.

A pack is an ordinary session file with ``pack_for`` set. It holds the questionnaire, the
workshop details and that party's answers only. Nothing in it may reveal the other party's
positions: its answers, the agreement record and the sections revealed in blind mode are left out.
It keeps the session's id, which is how merging recognises where it belongs.

A pack for the whole party is answered as one and holds no individual answers. A pack for one
representative of a party (``pack_for_representative``) holds that
representative's own individual answers and nothing else: not the party's answers, which are
settled from everyone's, nor any other representative's answers or name.

A pack proves what it is: it carries a seal, a keyed hash of the session's id, the party it is
for and the exact content of its questionnaire, made with a secret the full session keeps and
the pack never holds. Editing the pack to say it is for the other party, or changing a question's
wording in it, breaks the seal, and merging refuses it. A representative's pack is sealed for
that representative as well.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from .base import Side, other_side
from .fingerprint import canonical_json
from .incoming import AnswersPlan, AnswersRefused, plan_incoming
from .session import Agreement, IndividualAnswers, Session
from .template import Questionnaire
from .timing import TimeBoxes


def questionnaire_digest(template: Questionnaire) -> str:
    """The SHA-256 of the questionnaire's whole content: every id, wording, option and weight."""
    return hashlib.sha256(canonical_json(template.model_dump(mode="json"))).hexdigest()


def new_pack_key() -> str:
    return secrets.token_hex(32)


def pack_seal(key: str, pack: Session) -> str:
    """The seal of ``pack`` under the session's ``key``."""
    sealed: dict[str, Any] = {
        "session": str(pack.id),
        "for": pack.pack_for,
        "questionnaire": questionnaire_digest(pack.template),
    }
    if pack.pack_for_representative is not None:
        sealed["representative"] = pack.pack_for_representative
    message = canonical_json(sealed)
    return hmac.new(bytes.fromhex(key), message, hashlib.sha256).hexdigest()


def make_pack(session: Session, side: Side, representative: str | None = None) -> Session:
    """A copy of the session for Party ``side`` (or one representative of it, by id) alone to
    fill in, sealed with the session's key.

    A session without a key is given one: save it afterwards, or the pack cannot come back.
    """
    if session.pack_for is not None:
        raise AnswersRefused(
            [
                f"this file is already an answer pack for Party {session.pack_for}; "
                "make answer packs from the full session"
            ]
        )
    if not session.pack_key:
        session.pack_key = new_pack_key()  # the app gives it through SessionEditor.keep_pack_key
    other = other_side(side)
    data: dict[str, Any] = session.model_dump()
    data["pack_for"] = side
    data["pack_key"] = ""
    data["answers"][other] = {}
    # Who sits on the other side is not needed to answer; their names and e-mails stay behind.
    data["parties"][other]["representatives"] = []
    data["agreement"] = Agreement().model_dump()
    data["answering"]["current"] = side
    data["answering"]["revealed"] = []
    # The agenda's time boxes would tell which questions the parties differ on.
    data["time_boxes"] = TimeBoxes().model_dump()
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
    pack = Session.model_validate(data)
    pack.pack_seal = pack_seal(session.pack_key, pack)
    return pack


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
    elif questionnaire_digest(pack.template) != questionnaire_digest(session.template):
        problems.append(
            "the questionnaire in this answer pack is not exactly the session's: questions, "
            "options or their wording differ under the same version"
        )
    if not problems:
        problems.extend(_seal_problems(session, pack))
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


def _seal_problems(session: Session, pack: Session) -> list[str]:
    """Why the pack's seal does not prove it was made from this session, for its party."""
    if not session.pack_key:
        if not pack.pack_seal:
            return []  # made before packs were sealed, from a session that has made none since
        return [
            "this answer pack is sealed, but the session holds no record of making answer "
            "packs; it may be an older copy of the session file"
        ]
    if not pack.pack_seal:
        return ["this answer pack has no seal; make a new pack from the session"]
    if not hmac.compare_digest(pack.pack_seal, pack_seal(session.pack_key, pack)):
        return [
            f"this answer pack was changed after it was made: it no longer proves that it is "
            f"Party {pack.pack_for}'s pack for this session and questionnaire; "
            "make a new pack from the session"
        ]
    return []
