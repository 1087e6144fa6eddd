"""The fingerprint of what was agreed, and the charter version that follows from it.

The fingerprint is the SHA-256 of the agreed content written as canonical JSON (keys sorted,
no spaces, UTF-8, dates as ISO 8601). The agreed content is exactly:

- ``questionnaire``: the questionnaire's id and version;
- ``parties``: for Party A and Party B, the organisation, the short label and every
  representative's name, role and e-mail;
- ``status``: whether the agreement is a draft or agreed (as checked, not as the file claims);
- ``definition``: the agreed definition text, and ``agreed_kind``: the agreed kind of
  relationship;
- ``positions``: every question that is agreed or parked, in questionnaire order, with its id
  and prompt, how the position was reached, the one agreed answer as stored, its statement
  (the sentence the charter prints), the agreed wording, the notes, and for a parked item its
  owner and due date;
- ``action_items``: what, owner party, owner, due date and status of each, in order;
- ``signatories``: party, name, title and organisation of each, in order.

Everything else leaves it unchanged: answers to questions that are still open, comments and
importance, the workshop's title, date, place and facilitator, the parties' colours and legal
details, the legal effect and effective date, how the questionnaire is answered, the file's
times and the record of the exported charters.
So the charter printed from a session carries the same fingerprint as
``partnerworkshop fingerprint FILE`` prints for that session file, for as long as nothing that
was agreed changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from .agreement import agreement_check
from .analysis import Analysis
from .positions import agreed_positions
from .session import Session

CONTENT_FORMAT = "partnerworkshop-agreed-content/2"


def agreed_content(session: Session, analysis: Analysis | None = None) -> dict[str, Any]:
    """The agreed content the fingerprint covers, as plain JSON data (``analysis``: the
    session's, when it is at hand)."""
    agreement = session.agreement
    return {
        "format": CONTENT_FORMAT,
        "questionnaire": {"id": session.template.id, "version": session.template.version},
        "parties": {
            side: {
                "organisation": party.organisation,
                "label": party.label,
                "representatives": [
                    {"name": person.name, "role": person.role, "email": person.email}
                    for person in party.representatives
                ],
            }
            for side, party in (("A", session.parties.A), ("B", session.parties.B))
        },
        "status": agreement_check(session, analysis).status,
        "definition": agreement.definition,
        "agreed_kind": agreement.agreed_kind.value if agreement.agreed_kind else None,
        "positions": [
            {
                "question": position.question.id,
                "prompt": position.question.prompt,
                "reached": position.reached,
                "value": position.value,
                "statement": position.statement,
                "wording": position.wording,
                "notes": position.notes,
                "owner": position.owner,
                "due": _date(position.due),
            }
            for position in agreed_positions(session)
            if position.reached != "open"
        ],
        "action_items": [
            {
                "what": item.what,
                "owner_party": item.owner_party,
                "owner": item.owner,
                "due": _date(item.due),
                "status": item.status,
            }
            for item in agreement.action_items
        ],
        "signatories": [
            {
                "party": signatory.party,
                "name": signatory.name,
                "title": signatory.title,
                "organisation": signatory.organisation,
            }
            for signatory in agreement.signatories
        ],
    }


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def canonical_json(content: Any) -> bytes:
    """One byte sequence for one content: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def fingerprint(session: Session, analysis: Analysis | None = None) -> str:
    """The SHA-256 of the agreed content, as 64 lower-case hexadecimal digits."""
    return hashlib.sha256(canonical_json(agreed_content(session, analysis))).hexdigest()
