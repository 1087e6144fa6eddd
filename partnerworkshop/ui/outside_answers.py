"""File menu entries for answers given outside the room: answer sheets and answer packs.

Incoming answers are shown before anything changes; taking them in is one undoable edit.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from ..errors import FileProblem
from ..export.answer_sheet import (
    SheetForRepresentative,
    SheetFromOtherSession,
    plan_import,
    read_answer_sheet,
    write_answer_sheet,
)
from ..model.base import Side
from ..model.incoming import AnswersPlan, AnswersRefused, describe_conflicts
from ..model.packs import make_pack, new_pack_key, plan_merge
from ..model.session import Session
from ..model.storage import load_session, save_session
from . import dialogs
from .common import party_name
from .respondents import respondent_label

if TYPE_CHECKING:
    from .main_window import MainWindow

# How many questions the preview lists under each heading before saying how many more there are.
PREVIEW_LINES = 20


class OutsideAnswers(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def _choose_party(self, title: str, text: str) -> Side | None:
        session = self.window.session
        if session.pack_for is not None:
            return session.pack_for
        names = (party_name(session, "A"), party_name(session, "B"))
        side = dialogs.choose_party(self.window, title, text, names)
        return "A" if side == "A" else "B" if side == "B" else None

    def _folder(self) -> str:
        return str(self.window.path.parent) if self.window.path else ""

    def _choose_respondent(self, title: str, side: Side) -> tuple[bool, str | None]:
        """For a party whose representatives answer individually: the party's answers, or one
        representative's own (by id). The first is False when the choice was cancelled."""
        session = self.window.session
        if session.pack_for is not None:
            return True, session.pack_for_representative
        party = session.party(side)
        if not party.answers_individually or not party.representatives:
            return True, None
        respondents = party.respondents(side)
        name = party_name(session, side)
        choices = [self.tr("{name}'s answers, as the party").format(name=name)]
        choices += [
            self.tr("{person}'s own answers").format(
                person=respondent_label(session, side, respondent)
            )
            for respondent in respondents
        ]
        index = dialogs.choose_one(
            self.window,
            title,
            self.tr(
                "{name}'s representatives answer individually. Whose answers is it for: the "
                "party's, or one representative's own?"
            ).format(name=name),
            choices,
        )
        if index is None:
            return False, None
        return True, None if index == 0 else respondents[index - 1].representative_id

    def _write_for_party(
        self,
        title: str,
        question: str,
        file_name: str,
        filters: str,
        write: Callable[[Session, Side, Path, str | None], None],
        failed: str,
        written: str,
    ) -> None:
        """Ask which party (and, where its representatives answer individually, whether for
        one of them) and where, then write the file; say how it went.

        ``file_name`` and ``written`` may name the party or the representative as {name};
        ``written`` the file as {file}.
        """
        side = self._choose_party(title, question)
        if side is None:
            return
        chosen, representative = self._choose_respondent(title, side)
        if not chosen:
            return
        session = self.window.session
        name = (
            party_name(session, side)
            if representative is None
            else self._person(side, representative)
        )
        suggested = Path(self._folder()) / file_name.format(name=_file_part(name))
        path = dialogs.save_file_name(self.window, title, str(suggested), filters)
        if path is None:
            return
        try:
            write(session, side, path, representative)
        except FileProblem as problem:
            self.window.show_file_problem(failed, problem)
            return
        except AnswersRefused as refused:
            dialogs.warn(self.window, title, failed, "\n".join(refused.problems))
            return
        self.window.statusBar().showMessage(written.format(name=name, file=path.name), 6000)

    def export_sheet(self) -> None:
        self._write_for_party(
            self.tr("Export an answer sheet"),
            self.tr("Whose answer sheet?"),
            "answers-{name}.csv",
            self.tr("Answer sheets (*.csv)"),
            write_answer_sheet,
            self.tr("The answer sheet could not be written"),
            self.tr("Answer sheet for {name} written to {file}"),
        )

    def import_sheet(self) -> None:
        title = self.tr("Import an answer sheet")
        side = self._choose_party(title, self.tr("Whose answers does the sheet hold?"))
        if side is None:
            return
        path = dialogs.open_file_name(
            self.window,
            title,
            self._folder(),
            # Excel saves a sheet as "Unicode Text" with the .txt ending.
            self.tr("Answer sheets (*.csv *.txt);;All files (*)"),
        )
        if path is None:
            return
        session = self.window.session
        representative: str | None = None
        try:
            try:
                try:
                    answers = read_answer_sheet(path, session, side)
                except SheetForRepresentative as own_sheet:
                    representative = own_sheet.representative
                    if not self._confirm_representative_sheet(title, side, representative):
                        return
                    answers = read_answer_sheet(path, session, side, representative=representative)
            except SheetFromOtherSession as problem:
                if not dialogs.confirm(
                    self.window,
                    title,
                    self.tr(
                        "{problem}.\n\nTake its answers into this session all the same?"
                    ).format(problem="\n".join(problem.problems)),
                    self.tr("Take them in"),
                ):
                    return
                answers = read_answer_sheet(
                    path,
                    session,
                    side,
                    representative=representative,
                    from_other_session=True,
                )
            plan = plan_import(session, side, answers, representative)
        except FileProblem as problem:
            self.window.show_file_problem(self.tr("The answer sheet cannot be imported"), problem)
            return
        except AnswersRefused as refused:
            self.window.show_file_problem(
                self.tr("The answer sheet cannot be imported"), FileProblem(path, refused.problems)
            )
            return
        self._take_in(plan, title, self.tr("the sheet"))

    def make_pack(self) -> None:
        self._write_for_party(
            self.tr("Make an answer pack"),
            self.tr("For which party? The pack holds none of the other party's answers."),
            "answer-pack-{name}.pws.json",
            self.tr("Workshop sessions (*.pws.json)"),
            self._write_pack,
            self.tr("The answer pack could not be written"),
            self.tr(
                "Answer pack for {name} written to {file}. Save the session too: it keeps what "
                "proves the pack when it comes back."
            ),
        )

    def _write_pack(
        self, session: Session, side: Side, path: Path, representative: str | None
    ) -> None:
        # The session keeps the secret its packs are sealed with, to check them when they return.
        if self.window.editor.keep_pack_key(new_pack_key()):
            self.window.setWindowModified(True)
            self.window.autosave()
        save_session(make_pack(session, side, representative), path)

    def merge_pack(self) -> None:
        title = self.tr("Merge an answer pack")
        path = dialogs.open_file_name(
            self.window, title, self._folder(), self.tr("Workshop sessions (*.pws.json *.json)")
        )
        if path is None:
            return
        try:
            plan = plan_merge(self.window.session, load_session(path))
        except FileProblem as problem:
            self.window.show_file_problem(self.tr("The answer pack cannot be merged"), problem)
            return
        except AnswersRefused as refused:
            self.window.show_file_problem(
                self.tr("The answer pack cannot be merged"), FileProblem(path, refused.problems)
            )
            return
        self._take_in(plan, title, self.tr("the pack"))

    def _confirm_representative_sheet(self, title: str, side: Side, representative: str) -> bool:
        session = self.window.session
        return dialogs.confirm(
            self.window,
            title,
            self.tr(
                "This sheet holds the own answers of {person}, one of {name}'s representatives, "
                "not {name}'s answers. Take them in as {person}'s individual answers?"
            ).format(person=self._person(side, representative), name=party_name(session, side)),
            self.tr("Take them in as theirs"),
        )

    def _person(self, side: Side, representative: str) -> str:
        session = self.window.session
        respondent = next(
            r
            for r in session.party(side).respondents(side)
            if r.representative_id == representative
        )
        return respondent_label(session, side, respondent)

    def _confirm_switch(self, plan: AnswersPlan, title: str) -> bool:
        """A party answering as one answers individually once a representative's answers come
        in: say so first."""
        if not plan.switches_to_individual or plan.representative is None:
            return True
        name = party_name(self.window.session, plan.side)
        return dialogs.confirm(
            self.window,
            title,
            self.tr(
                "{name} answers as one so far. Taking in {person}'s own answers makes its "
                "representatives answer individually; its answers so far stay {name}'s answers, "
                "and it settles them from its representatives' answers."
            ).format(name=name, person=self._person(plan.side, plan.representative)),
            self.tr("Answer individually"),
        )

    def _listed(self, heading: str, lines: list[str]) -> str:
        """A heading and the first lines under it, saying how many more there are."""
        if not lines:
            return ""
        shown = [f"\u2022 {line}" for line in lines[:PREVIEW_LINES]]
        if len(lines) > PREVIEW_LINES:
            shown.append(self.tr("and {count} more").format(count=len(lines) - PREVIEW_LINES))
        return "\n".join([heading.format(count=len(lines)), *shown])

    def _take_in(self, plan: AnswersPlan, title: str, source: str) -> None:
        """Show what the incoming answers change; apply them as one undoable edit if asked."""
        session = self.window.session
        if not self._confirm_switch(plan, title):
            return
        name = party_name(session, plan.side)
        if plan.representative is not None:
            name = self.tr("{person} of {name}").format(
                person=self._person(plan.side, plan.representative), name=name
            )
        new, conflicts, same = len(plan.new), len(plan.conflicts), len(plan.unchanged)
        if not new and not conflicts:
            dialogs.warn(
                self.window,
                title,
                self.tr(
                    "Nothing to take in: {source} holds no answer for {name} that the session "
                    "does not hold already."
                ).format(source=source, name=name),
            )
            return
        text = self.tr(
            "For {name}: {new} new answers, {conflicts} that differ from the answers already "
            "in the session, {same} the same already."
        ).format(name=name, new=new, conflicts=conflicts, same=same)
        template = session.template
        details = "\n\n".join(
            part
            for part in (
                self._listed(
                    self.tr("New answers ({count}):"),
                    [template.question(item.question_id).prompt for item in plan.new],
                ),
                self._listed(
                    self.tr("Different from the session ({count}):"),
                    describe_conflicts(session, plan, source, by_wording=True),
                ),
            )
            if part
        )
        choice = dialogs.preview_incoming(
            self.window, title, text, details, new=new, conflicts=conflicts
        )
        if choice == "cancel":
            return
        self.window.editor.apply(plan.edit(replace=choice == "replace"))
        self.window.statusBar().showMessage(
            self.tr("Answers taken in for {name}. Edit > Undo takes them back.").format(name=name),
            8000,
        )


def _file_part(name: str) -> str:
    cleaned = "".join(c if c.isalnum() else "-" for c in name.lower())
    return "-".join(part for part in cleaned.split("-") if part) or "party"
