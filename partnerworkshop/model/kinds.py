"""The six kinds of relationship that two organisations may call a partnership."""

from __future__ import annotations

from enum import StrEnum


class RelationshipKind(StrEnum):
    PURCHASE_ORDER = "purchase_order"
    KEY_ACCOUNT = "key_account"
    AFFILIATE = "affiliate"
    SPONSORSHIP = "sponsorship"
    STRATEGIC_PARTNERSHIP = "strategic_partnership"
    PUBLIC_COLLABORATION = "public_collaboration"

    @property
    def label(self) -> str:
        """The plain English name, as used in reports and the charter."""
        return KIND_LABELS[self]


KIND_LABELS: dict[RelationshipKind, str] = {
    RelationshipKind.PURCHASE_ORDER: "purchase order / supplier relationship",
    RelationshipKind.KEY_ACCOUNT: "key account",
    RelationshipKind.AFFILIATE: "affiliate / referral deal",
    RelationshipKind.SPONSORSHIP: "sponsorship",
    RelationshipKind.STRATEGIC_PARTNERSHIP: "strategic partnership",
    RelationshipKind.PUBLIC_COLLABORATION: "public or NGO collaboration",
}

# All six, in the order every report and chart lists them.
KINDS: tuple[RelationshipKind, ...] = tuple(RelationshipKind)
