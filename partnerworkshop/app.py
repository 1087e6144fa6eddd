"""The command line: start the app, or work with session files without a screen.

Everything here that is not interactive by nature (validate, compare, export...) works without
Qt, so it can be scripted and tested. Heavy modules are imported inside the commands that need
them, to keep start-up quick.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import __version__
from .errors import PartnerworkshopError

if TYPE_CHECKING:
    from .export.charter import Progress
    from .model.incoming import AnswersPlan
    from .model.session import Session

PROG = "partnerworkshop"

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Command]] = {}


def command(
    name: str, summary: str, arguments: Callable[[argparse.ArgumentParser], None]
) -> Callable[[Command], Command]:
    """Register a sub-command: its one-line summary, its arguments and what it does."""

    def register(function: Command) -> Command:
        COMMANDS[name] = (summary, arguments, function)
        return function

    return register


def report(problem: object, stream: TextIO | None = None) -> None:
    print(str(problem), file=stream or sys.stderr)


def refuse_session_itself(output: Path, session_file: Path, written: str) -> bool:
    """True (after saying why) when ``output`` is the session file the command reads."""
    if output.resolve() == session_file.resolve():
        report(f"{output}: this is the session file itself; choose another name for {written}")
        return True
    return False


def refuse_overwrite(path: Path, force: bool) -> bool:
    """True (after saying why) when writing ``path`` would replace a file the user has."""
    if path.exists() and not force:
        report(f"{path}: the file exists already; choose another name or add --force to replace it")
        return True
    return False


# --- sub-commands -----------------------------------------------------------------------------


def _output_arguments(parser: argparse.ArgumentParser, written: str) -> None:
    """-o/--output naming the file ``written`` (e.g. "the PDF file"), and --force."""
    parser.add_argument("-o", "--output", required=True, type=Path, help=f"{written} to write")
    parser.add_argument("--force", action="store_true", help=f"replace {written} if it exists")


def _session_output_arguments(parser: argparse.ArgumentParser) -> None:
    _output_arguments(parser, "the session file")


def _new_arguments(parser: argparse.ArgumentParser) -> None:
    _session_output_arguments(parser)
    parser.add_argument(
        "--template",
        default=None,
        help="a built-in template id or a template file (default: the standard questionnaire)",
    )
    parser.add_argument("--title", default="", help="the workshop title")
    parser.add_argument("--party-a", default="", help="Party A's organisation")
    parser.add_argument("--party-b", default="", help="Party B's organisation")


@command("new", "write a new, empty session file", _new_arguments)
def _new(args: argparse.Namespace) -> int:
    from .model.catalog import DEFAULT_TEMPLATE_ID, find_template
    from .model.session import new_session
    from .model.storage import save_session

    if refuse_overwrite(args.output, args.force):
        return 1
    template = find_template(args.template or DEFAULT_TEMPLATE_ID)
    session = new_session(
        template, title=args.title, organisation_a=args.party_a, organisation_b=args.party_b
    )
    save_session(session, args.output)
    print(f'{args.output}: new session with the questionnaire "{template.title}"')
    return 0


@command("demo", "write the example session (Northwind and Contoso)", _session_output_arguments)
def _demo(args: argparse.Namespace) -> int:
    from .model.catalog import example_session
    from .model.storage import save_session

    if refuse_overwrite(args.output, args.force):
        return 1
    save_session(example_session(), args.output)
    print(f"{args.output}: example session written")
    return 0


def _files_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help="session or template files"
    )


@command("validate", "check session or template files", _files_argument)
def _validate(args: argparse.Namespace) -> int:
    from .errors import FileProblem
    from .model.agreement import agreement_check
    from .model.statements import statement_problems
    from .model.storage import load_any
    from .model.template import Questionnaire

    failed = False
    for path in args.files:
        try:
            loaded = load_any(path)
        except FileProblem as problem:
            report(problem)
            failed = True
            continue
        if isinstance(loaded, Questionnaire):
            what, problems = "questionnaire template", statement_problems(loaded)
        else:
            check = agreement_check(loaded)
            what = "session"
            problems = (
                ["the session is marked agreed, but it is not: " + " ".join(check.missing)]
                if check.claimed_wrongly
                else []
            )
        if problems:
            report(FileProblem(path, problems))
            failed = True
        else:
            print(f"{path}: valid {what}")
    return 1 if failed else 0


def _compare_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="a session file")
    parser.add_argument("--json", action="store_true", help="print every figure as one JSON object")


@command(
    "compare", "show where the two parties diverge and what each describes", _compare_arguments
)
def _compare(args: argparse.Namespace) -> int:
    from .export.comparison import comparison_json, comparison_text
    from .model.analysis import analyse
    from .model.storage import load_session

    analysis = analyse(load_session(args.file))
    if args.json:
        print(json.dumps(comparison_json(analysis), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(comparison_text(analysis))
    return 0


def _templates_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON list")


@command("templates", "list the built-in questionnaire templates", _templates_arguments)
def _templates(args: argparse.Namespace) -> int:
    from .model.catalog import builtin_templates

    infos = builtin_templates()
    if args.json:
        rows = [
            {"id": i.id, "title": i.title, "sections": i.sections, "questions": i.questions}
            for i in infos
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    width = max(len(info.id) for info in infos)
    for info in infos:
        print(
            f"{info.id:<{width}}  {info.title} "
            f"({info.sections} sections, {info.questions} questions)"
        )
    return 0


def _schema_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("which", choices=["session", "template"], help="which file's schema")


@command("schema", "print the JSON Schema of session or template files", _schema_arguments)
def _schema(args: argparse.Namespace) -> int:
    from .model.session import Session
    from .model.template import Questionnaire

    model = Session if args.which == "session" else Questionnaire
    print(json.dumps(model.model_json_schema(), indent=2))
    return 0


def _party(text: str) -> str:
    side = text.strip().upper()
    if side not in ("A", "B"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a party; write A or B")
    return side


def _party_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--party", required=True, type=_party, metavar="A|B", help="whose answers: A or B"
    )


def _representative_argument(parser: argparse.ArgumentParser, whose: str) -> None:
    parser.add_argument(
        "--representative",
        default=None,
        metavar="NAME",
        help=f"{whose} one representative of the party (their name as in the session)",
    )


def find_representative(path: Path, session: Session, side: str, name: str) -> str:
    """The id of the party's representative called ``name`` (or with that id)."""
    from .errors import FileProblem

    assert side in ("A", "B")
    party = session.parties.A if side == "A" else session.parties.B
    wanted = name.strip().casefold()
    found = [
        person.id
        for person in party.representatives
        if person.name.strip().casefold() == wanted or person.id == name.strip()
    ]
    if len(found) == 1:
        return found[0]
    party_name = party.label or party.organisation or f"Party {side}"
    if found:
        problem = (
            f'Party {side} ({party_name}) has {len(found)} representatives called "{name}"; '
            "give them different names in Set up"
        )
    else:
        names = ", ".join(f'"{person.name}"' for person in party.representatives if person.name)
        problem = f'Party {side} ({party_name}) has no representative called "{name}"' + (
            f"; its representatives are {names}" if names else "; it has no representatives yet"
        )
    raise FileProblem(path, [problem])


def _export_answers_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the session file")
    _party_argument(parser)
    _representative_argument(parser, "the sheet of")
    _output_arguments(parser, "the answer sheet (.csv)")


@command(
    "export-answers",
    "write one party's answer sheet, a CSV file to fill in with a spreadsheet",
    _export_answers_arguments,
)
def _export_answers(args: argparse.Namespace) -> int:
    from .export.answer_sheet import write_answer_sheet
    from .model.storage import load_session

    session = load_session(args.file)
    if session.pack_for not in (None, args.party):
        report(f"{args.file}: this answer pack holds Party {session.pack_for}'s answers only")
        return 1
    representative = None
    if args.representative is not None:
        representative = find_representative(args.file, session, args.party, args.representative)
    if refuse_session_itself(args.output, args.file, "the answer sheet"):
        return 1
    if refuse_overwrite(args.output, args.force):
        return 1
    write_answer_sheet(session, args.party, args.output, representative)
    name = session.party(args.party).display_name(args.party)
    if representative is None:
        print(f"{args.output}: answer sheet for Party {args.party} ({name})")
    else:
        print(
            f"{args.output}: answer sheet for {args.representative} of Party {args.party} "
            f"({name}); it holds nobody else's answers"
        )
    return 0


def _replace_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--replace",
        action="store_true",
        help="replace answers the session holds already when they differ",
    )


def _import_answers_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the session file to update")
    _party_argument(parser)
    parser.add_argument("sheet", type=Path, metavar="SHEET", help="the filled-in answer sheet")
    _representative_argument(parser, "the individual answers of")
    _replace_argument(parser)
    parser.add_argument(
        "--from-other-session",
        action="store_true",
        help="take in a sheet written for another session (of the same questionnaire)",
    )


@command(
    "import-answers",
    "take one party's answers from a filled-in answer sheet into the session",
    _import_answers_arguments,
)
def _import_answers(args: argparse.Namespace) -> int:
    from .errors import FileProblem
    from .export.answer_sheet import SheetFromOtherSession, plan_import, read_answer_sheet
    from .model.incoming import AnswersRefused
    from .model.storage import load_session

    session = load_session(args.file)
    representative = None
    if args.representative is not None:
        representative = find_representative(args.file, session, args.party, args.representative)
    try:
        answers = read_answer_sheet(
            args.sheet,
            session,
            args.party,
            representative=representative,
            from_other_session=args.from_other_session,
        )
    except SheetFromOtherSession as problem:
        raise FileProblem(
            problem.path,
            [
                *problem.problems,
                "nothing was changed; to take it in all the same, add --from-other-session",
            ],
        ) from None
    try:
        plan = plan_import(session, args.party, answers, representative)
    except AnswersRefused as refused:
        raise FileProblem(args.file, refused.problems) from None
    return _take_in(args.file, session, plan, args.replace, source=args.sheet, what="sheet")


def _pack_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the session file")
    _party_argument(parser)
    _representative_argument(parser, "a pack for")
    _output_arguments(parser, "the answer pack (.pws.json)")


@command(
    "pack",
    "write an answer pack: a session file for one party to fill in on its own",
    _pack_arguments,
)
def _pack(args: argparse.Namespace) -> int:
    from .errors import FileProblem
    from .model.edits import SessionEditor
    from .model.incoming import AnswersRefused
    from .model.packs import make_pack, new_pack_key
    from .model.storage import load_session, save_session

    session = load_session(args.file)
    representative = None
    if args.representative is not None:
        representative = find_representative(args.file, session, args.party, args.representative)
    if refuse_session_itself(args.output, args.file, "the answer pack"):
        return 1
    if refuse_overwrite(args.output, args.force):
        return 1
    # The session keeps the secret its packs are sealed with, to check them when they return.
    key_is_new = SessionEditor(session).keep_pack_key(new_pack_key())
    try:
        pack = make_pack(session, args.party, representative)
    except AnswersRefused as refused:
        raise FileProblem(args.file, refused.problems) from None
    if key_is_new:
        save_session(session, args.file)
    save_session(pack, args.output)
    name = pack.party(args.party).display_name(args.party)
    if representative is None:
        print(
            f"{args.output}: answer pack for Party {args.party} ({name}); "
            "it holds none of the other party's answers"
        )
    else:
        print(
            f"{args.output}: answer pack for {args.representative} of Party {args.party} "
            f"({name}); it holds nobody else's answers"
        )
    return 0


def _merge_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the session file to update")
    parser.add_argument("pack", type=Path, metavar="PACK", help="the answer pack that came back")
    _replace_argument(parser)


@command("merge", "take the answers from an answer pack back into the session", _merge_arguments)
def _merge(args: argparse.Namespace) -> int:
    from .errors import FileProblem
    from .model.incoming import AnswersRefused
    from .model.packs import plan_merge
    from .model.storage import load_session

    session = load_session(args.file)
    pack = load_session(args.pack)
    try:
        plan = plan_merge(session, pack)
    except AnswersRefused as refused:
        raise FileProblem(args.pack, refused.problems) from None
    return _take_in(args.file, session, plan, args.replace, source=args.pack, what="pack")


def _take_in(
    path: Path, session: Session, plan: AnswersPlan, replace: bool, *, source: Path, what: str
) -> int:
    """Apply one party's incoming answers as one edit and save, or say why not."""
    from .errors import FileProblem
    from .model.edits import SessionEditor
    from .model.incoming import describe_conflicts, describe_outcome
    from .model.storage import save_session

    party = f"Party {plan.side} ({session.party(plan.side).display_name(plan.side)})"
    if plan.representative is not None:
        person = session.party(plan.side).representative(plan.representative).name
        party = f"{person or 'a representative'} of {party}"
    if plan.has_conflicts and not replace:
        count = len(plan.conflicts)
        differ = (
            f"{count} answers in the {what} differ"
            if count > 1
            else f"1 answer in the {what} differs"
        )
        raise FileProblem(
            source,
            [
                f"{differ} from {party}'s answers in {path}; nothing was changed. "
                "To replace them, add --replace:",
                *describe_conflicts(session, plan, f"the {what}"),
            ],
        )
    if not SessionEditor(session).apply(plan.edit(replace=replace)):
        same = len(plan.unchanged)
        print(
            f"{path}: nothing new in {source}: "
            + (
                f"all its answers ({same}) are in the session already"
                if same
                else "it holds no answers"
            )
        )
        return 0
    save_session(session, path)
    verb = "imported" if what == "sheet" else "merged"
    print(
        f"{path}: {verb} {party}'s answers from {source}: {describe_outcome(plan, replace=replace)}"
    )
    if plan.switches_to_individual:
        print(
            f"{path}: Party {plan.side} now answers individually; its answers so far stay "
            "its answers, and it settles them from its representatives' answers"
        )
    return 0


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the session file")
    _output_arguments(parser, "the charter (.pdf, or .docx for Word)")
    parser.add_argument(
        "--format",
        choices=["pdf", "docx"],
        default=None,
        help="pdf (to sign and to archive) or docx (Word, to redline); "
        "by default the output file's extension says which",
    )
    parser.add_argument(
        "--confidentiality",
        default="Confidential",
        metavar="TEXT",
        help='the marking in every page\'s header (default: "Confidential"; "" for none)',
    )
    parser.add_argument(
        "--paper", choices=["A4", "Letter"], default="A4", help="the paper size (default: A4)"
    )
    parser.add_argument(
        "--include-comments",
        action="store_true",
        help="print the parties' comments in the appendix (left out by default)",
    )


def _progress_on_a_terminal() -> Callable[[Progress], None]:
    """How far a long export has got, on one line of the terminal (nothing when the error output
    goes to a file or a pipe, where it would only fill a log)."""
    if not sys.stderr.isatty():
        return lambda progress: None
    shown_at = 0.0
    width = 0

    def show(progress: Progress) -> None:
        nonlocal shown_at, width
        if progress.stage == "finishing" and progress.done >= 1:
            line = ""  # done: the line goes, and the command's own message follows
        elif time.monotonic() - shown_at < 0.5:
            return
        else:
            where = f", page {progress.page + 1}" if progress.stage == "pages" else ""
            line = f"{PROG}: exporting, {progress.fraction:.0%} done{where}"
        shown_at = time.monotonic()
        sys.stderr.write("\r" + line.ljust(width) + ("" if line else "\r"))
        sys.stderr.flush()
        width = max(width, len(line))

    return show


@command("export", "export the partnership charter as a PDF or a Word document", _export_arguments)
def _export(args: argparse.Namespace) -> int:
    from .errors import FileProblem
    from .export.charter import SUFFIXES, CharterOptions, export_charter, format_of
    from .model.storage import load_session, save_session

    named = format_of(args.output)
    if args.format is not None and named not in (None, args.format):
        report(
            f"{args.output}: the name ends in {args.output.suffix} but --format says "
            f"{args.format}; name the file {args.output.stem}{SUFFIXES[args.format]} or leave "
            "out --format"
        )
        return 1
    kind = args.format or named or "pdf"
    session = load_session(args.file)
    written = "the PDF" if kind == "pdf" else "the Word document"
    if refuse_session_itself(args.output, args.file, written):
        return 1
    if refuse_overwrite(args.output, args.force):
        return 1
    options = CharterOptions(
        confidentiality=args.confidentiality,
        paper=args.paper,
        include_comments=args.include_comments,
    )
    exported = export_charter(
        session, args.output, options, format=kind, report=_progress_on_a_terminal()
    )
    summary = exported.summary
    if exported.new_version:
        session.agreement.charters = [*session.agreement.charters, exported.record]
        try:
            save_session(session, args.file)
        except FileProblem as problem:
            raise FileProblem(
                args.file,
                [
                    f"the charter was written to {args.output}, but its version could not be "
                    f"recorded in the session file: {'; '.join(problem.problems)}"
                ],
            ) from None
    status = "draft" if summary.status == "draft" else "agreed"
    change = (
        "new version, recorded in the session file"
        if exported.new_version
        else "what the charter prints is unchanged since this version was exported"
    )
    if exported.pages is None:
        print(f"{args.output}: partnership charter, Word document")
    else:
        print(f"{args.output}: partnership charter, {exported.pages} pages")
    print(f"  version      {summary.version} ({change})")
    print(f"  document id  {summary.document_id}")
    print(f"  status       {status}")
    print(f"  fingerprint  {summary.fingerprint}")
    for warning in summary.warnings:
        report(f"warning: {warning.message}")
    return 0


def _sign_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("charter", type=Path, metavar="CHARTER", help="the charter (PDF) to sign")
    parser.add_argument(
        "--field",
        required=True,
        metavar="NAME",
        help="the signature field to sign, named after its signatory",
    )
    parser.add_argument(
        "--certificate",
        required=True,
        type=Path,
        metavar="FILE",
        help="the signer's key and certificate, a PKCS#12 file (.p12 or .pfx); its passphrase "
        f"is read from {PASSPHRASE_VARIABLE} or asked for",
    )
    _output_arguments(parser, "the signed PDF")


PASSPHRASE_VARIABLE = "PARTNERWORKSHOP_CERTIFICATE_PASSPHRASE"


@command("sign", "sign one signature field of a charter with a certificate", _sign_arguments)
def _sign(args: argparse.Namespace) -> int:
    import getpass
    import os

    from .export.signing import sign_charter

    if args.output.resolve() == args.charter.resolve():
        report(f"{args.output}: this is the charter itself; choose another name for the signed PDF")
        return 1
    if refuse_overwrite(args.output, args.force):
        return 1
    passphrase = os.environ.get(PASSPHRASE_VARIABLE)
    if passphrase is None:
        passphrase = getpass.getpass(f"Passphrase of {args.certificate}: ")
    sign_charter(
        args.charter, args.field, args.certificate, passphrase.encode() or None, args.output
    )
    print(f'{args.output}: {args.charter} signed in the field "{args.field}"')
    return 0


def _file_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="the session file")


@command(
    "fingerprint",
    "print the fingerprint of a session's agreed content (as printed in its charter)",
    _file_argument,
)
def _fingerprint(args: argparse.Namespace) -> int:
    from .model.fingerprint import fingerprint
    from .model.storage import load_session

    print(fingerprint(load_session(args.file)))
    return 0


def _positions_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="a session file")
    parser.add_argument(
        "--json", action="store_true", help="print the status and every position as JSON"
    )


POSITION_STATES = {
    "adopt_a": "adopted_a",
    "adopt_b": "adopted_b",
    "agreed": "agreed",
    "carried_over": "carried_over",
    "parked": "parked",
    "open": "open",
}


@command(
    "positions",
    "show whether the session is agreed and every question's agreed position",
    _positions_arguments,
)
def _positions(args: argparse.Namespace) -> int:
    from .model.agreement import agreement_check
    from .model.positions import agreed_positions
    from .model.storage import load_session

    session = load_session(args.file)
    check = agreement_check(session)
    positions = agreed_positions(session)
    if args.json:
        content = {
            "status": check.status,
            "missing": list(check.missing),
            "positions": [
                {
                    "question_id": position.question.id,
                    "state": POSITION_STATES[position.reached],
                    "value": position.value if position.is_agreed else None,
                    "statement": position.statement,
                }
                for position in positions
            ],
        }
        print(json.dumps(content, indent=2, ensure_ascii=False))
        return 0
    print(f"Status: {check.status}")
    if check.missing:
        print("Before the session can be marked agreed:")
        for sentence in check.missing:
            print(f"  - {sentence}")
    elif check.status == "draft":
        print("Nothing is missing: the session can be marked agreed.")
    words = {
        "adopt_a": f"adopted from {session.parties.A.display_name('A')}'s answer",
        "adopt_b": f"adopted from {session.parties.B.display_name('B')}'s answer",
        "agreed": "agreed",
        "carried_over": "carried over",
        "parked": "parked",
        "open": "open",
    }
    for position in positions:
        print(f"\n{position.question.id} ({words[position.reached]})")
        if position.statement:
            print(f"  {position.statement}")
        elif position.missing:
            print(f"  Not settled: {position.missing}")
        else:
            print(f"  No agreed position yet: {position.question.prompt}")
    return 0


# --- entry point ------------------------------------------------------------------------------


NO_DISPLAY = f"""\
{PROG}: no display was found, so the app's window cannot open here.
Everything that is not interactive works without one, for example:
  {PROG} compare FILE                 where the two parties diverge
  {PROG} export FILE -o charter.pdf   the partnership charter
  {PROG} --help                       every command
From a source folder, run them through dev.py: python3 dev.py run compare FILE"""


def _display_missing() -> bool:
    """A window needs a display: on Linux and the BSDs an X11 or Wayland one, unless Qt is
    told to draw elsewhere (offscreen, say). Without one Qt stops with a message about its
    xcb plugin that says nothing of the display."""
    if sys.platform in ("win32", "darwin"):
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if platform not in ("", "xcb", "wayland", "wayland-egl"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _app_parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  {name:<16}{summary}" for name, (summary, _, _) in COMMANDS.items())
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Open the partnership workshop app, or run one of the commands below.",
        epilog=f"commands (see '{PROG} COMMAND --help'):\n{commands}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", nargs="?", type=Path, help="a session file to open")
    parser.add_argument("--demo", action="store_true", help="open the example session")
    parser.add_argument(
        "--present",
        action="store_true",
        help="open the view for the room too (full screen on a second screen, if connected)",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="Linux: add the app to the menu and open .pws.json files in it, for this user",
    )
    parser.add_argument(
        "--quit-after-start",
        action="store_true",
        help="open the window, then close it at once (to check that an installation works)",
    )
    return parser


def _install_desktop_entry() -> int:
    if sys.platform in ("win32", "darwin"):
        report(
            "--install-desktop-entry is for Linux desktops; on Windows and macOS the app's "
            "installer sets up its icon and file type"
        )
        return 1
    from .desktop import describe, install_desktop_entry

    try:
        installed = install_desktop_entry()
    except OSError as problem:
        report(
            f"{problem.filename or 'the desktop entry'}: could not be installed: "
            f"{problem.strerror or problem}"
        )
        return 1
    print(describe(installed))
    return 0


def _command_parser(name: str) -> argparse.ArgumentParser:
    summary, arguments, _ = COMMANDS[name]
    parser = argparse.ArgumentParser(
        prog=f"{PROG} {name}", description=summary[0].upper() + summary[1:] + "."
    )
    arguments(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        if arguments and arguments[0] in COMMANDS:
            name = arguments[0]
            args = _command_parser(name).parse_args(arguments[1:])
            return COMMANDS[name][2](args)
        args = _app_parser().parse_args(arguments)
        if args.install_desktop_entry:
            return _install_desktop_entry()
        if _display_missing():
            report(NO_DISPLAY)
            return 1
        from .ui.application import run_app

        return run_app(
            args.file,
            demo=args.demo,
            present=args.present,
            quit_after_start=args.quit_after_start,
        )
    except PartnerworkshopError as problem:
        report(problem)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last resort: a message, never a traceback
        report(
            f"{PROG}: an unexpected problem stopped the command ({type(error).__name__}: "
            f"{str(error)[:200]}); please report it"
        )
        return 2
