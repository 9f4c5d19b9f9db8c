"""The `careprep` command line: run the app, manage content, users and the answer coach."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from careprep.backup import backup_app

if TYPE_CHECKING:
    from questionbank.content import Pack

app = typer.Typer(
    help="CarePrep: interview coach for patient-engagement roles.", no_args_is_help=True
)
content_app = typer.Typer(help="Validate, load and export the question bank.", no_args_is_help=True)
app.add_typer(content_app, name="content")
export_app = typer.Typer(help="Export documents.", no_args_is_help=True)
app.add_typer(export_app, name="export")
retention_app = typer.Typer(help="Remove practice older than RETENTION_DAYS.", no_args_is_help=True)
app.add_typer(retention_app, name="retention")
audit_app = typer.Typer(help="Check the audit log.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")
app.add_typer(backup_app, name="backup")


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careprep.settings")
    import django

    django.setup()


def database_ready(verbosity: int = 0) -> None:
    """Bring the database's tables up to date, so that every command works on a fresh database
    (it stopped with "no such table" until `careprep run` had migrated once). When the database
    cannot be used at all, say so in one line and stop."""
    from django.conf import settings
    from django.core.management import call_command
    from django.db import DatabaseError

    try:
        call_command("migrate", interactive=False, verbosity=verbosity)
        call_command("createcachetable", verbosity=verbosity)  # rate limits and log-in lockouts
    except DatabaseError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        typer.echo(
            f"error: cannot use the {engine} database ({reason}); "
            "check DATABASE_URL and that the server is running",
            err=True,
        )
        raise typer.Exit(1) from None


def bank_required() -> None:
    """Stop with one line when the question bank is empty (nothing to export or print)."""
    from questionbank.models import Question

    if not Question.objects.exists():
        typer.echo(
            "error: the question bank is empty; load it first with `careprep content load`",
            err=True,
        )
        raise typer.Exit(1)


def prepare_database(verbosity: int = 0) -> None:
    """Apply migrations and load the bundled content into an empty bank."""
    from django.conf import settings

    database_ready(verbosity)
    from questionbank.bank import bank_load, pack_read
    from questionbank.models import Question

    if not Question.objects.exists():
        report = bank_load(pack=pack_read(settings.CONTENT_DIR))
        typer.echo(f"Loaded the bundled question bank: {report}")


@app.command()
def run(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 2,
) -> None:
    """Prepare the database and serve the app (gunicorn)."""
    django_setup()
    prepare_database()
    typer.echo(f"CarePrep is running on http://{host}:{port}/  (Ctrl+C to stop)")
    # Requests run side by side in the workers; one ONNX thread each keeps a 2-core machine from
    # oversubscribing (load test: answer p95 230 ms with it, 510 ms without).
    os.environ.setdefault("CAREPREP_ONNX_THREADS", "1")
    argv = [
        "gunicorn",
        "careprep.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--threads",
        "4",
        "--access-logfile",
        "-",
    ]
    os.execvp(sys.executable, [sys.executable, "-m", *argv])


@app.command()
def worker(
    name: Annotated[str, typer.Option(help="Worker name (unique per machine).")] = "review",
    concurrency: Annotated[int, typer.Option(help="Processes (one model each).")] = 1,
    llm: Annotated[bool, typer.Option(help="Serve the LLM reviewer's queue instead.")] = False,
    loglevel: Annotated[str, typer.Option(help="Celery log level.")] = "info",
) -> None:
    """Run a background worker (Celery) that reviews answers; needs CAREPREP_BROKER_URL."""
    django_setup()
    from careprep.cluster import worker_exec

    worker_exec(name=name, concurrency=concurrency, llm=llm, loglevel=loglevel)


@app.command()
def cluster(
    port: Annotated[int, typer.Option(help="Port of the web processes.")] = 8000,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    web: Annotated[int, typer.Option(help="Web processes.")] = 2,
    workers: Annotated[int, typer.Option(help="Review workers.")] = 2,
) -> None:
    """Run a local cluster: web processes and review workers on PostgreSQL and Redis
    (DATABASE_URL, CAREPREP_BROKER_URL and CACHE_URL, or the local defaults)."""
    from careprep import cluster as topology

    env = topology.cluster_env(
        os.environ.get("DATABASE_URL", topology.CLUSTER_DATABASE),
        os.environ.get("CAREPREP_BROKER_URL", topology.CLUSTER_BROKER),
        os.environ.get("CACHE_URL", topology.CLUSTER_CACHE),
    )
    if env["DATABASE_URL"].startswith("postgres"):
        topology.database_create(env["DATABASE_URL"])
    os.environ.update(env)
    django_setup()
    prepare_database()
    llm = bool(os.environ.get("CAREPREP_LLM_URL"))
    commands = topology.cluster_commands(port=port, host=host, web=web, workers=workers, llm=llm)
    topology.cluster_run(commands, env)


@content_app.command("validate")
def content_validate(
    path: Annotated[Path | None, typer.Argument(help="Pack folder or file.")] = None,
    review_age: Annotated[
        int, typer.Option(help="Warn about sources last checked more than this many days ago.")
    ] = 365,
) -> None:
    """Check content files against the schema; print each problem as FILE:LINE: message.

    Also warns (without failing) about legal claims not marked `legal: true` and about sources
    past the review age.
    """
    django_setup()
    from django.conf import settings

    from questionbank.content import ContentError, read_pack

    target = path or settings.CONTENT_DIR
    pathway = pathway_checked(target)
    if target.is_file() and target.name == "pathway.yaml":
        typer.echo(f"OK: {pathway} in {target}")
        return
    if target.is_file() and target.name == "glossary.yaml":
        typer.echo(f"OK: {glossary_checked(target, read_pack(settings.CONTENT_DIR))} in {target}")
        return
    # A single file may refer to roles and competencies of the bundled pack.
    known = read_pack(settings.CONTENT_DIR) if target.is_file() else None
    try:
        pack = read_pack(
            target,
            [r.slug for r in known.roles] if known else (),
            [c.slug for c in known.competencies] if known else (),
        )
    except ContentError as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        typer.echo(f"{len(exc.problems)} problem(s) found; nothing loaded.", err=True)
        raise typer.Exit(1) from None
    warnings = claim_warnings(pack, review_age)
    for warning in warnings:
        typer.echo(warning, err=True)
    typer.echo(
        f"OK: {len(pack.roles)} roles, {len(pack.competencies)} competencies, "
        f"{len(pack.questions)} questions in {target}"
        + (f"; {pathway}" if pathway else "")
        + (f"; {glossary}" if (glossary := glossary_checked(target, pack)) else "")
        + (f"; {len(warnings)} warning(s)" if warnings else "")
    )


def glossary_checked(target: Path, pack: Pack) -> str:
    """Check the recruiter glossary (a pack's glossary.yaml, or that file itself) against the
    pack's question ids: a summary, or its problems printed and exit 1."""
    from hiring.glossary import FILE_NAME, read_glossary
    from questionbank.content import ContentError

    file = target if target.is_file() else target / FILE_NAME
    if file.name != FILE_NAME or not file.exists():
        return ""
    try:
        glossary = read_glossary(file, [spec.id for spec, _ in pack.questions])
    except ContentError as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        typer.echo(f"{len(exc.problems)} problem(s) found; nothing loaded.", err=True)
        raise typer.Exit(1) from None
    return f"glossary: {len(glossary.terms)} terms"


def pathway_checked(target: Path) -> str:
    """Check the mentoring pathway (a pack's pathway.yaml, or that file itself): a summary, or
    its problems printed and exit 1. A pack without the file has nothing to check."""
    from mentoring.pathway_content import FILE_NAME, read_pathway
    from questionbank.content import ContentError

    file = target if target.is_file() else target / FILE_NAME
    if file.name != FILE_NAME or not file.exists():
        return ""
    try:
        pathway = read_pathway(file)
    except ContentError as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        typer.echo(f"{len(exc.problems)} problem(s) found; nothing loaded.", err=True)
        raise typer.Exit(1) from None
    steps = sum(len(stage.steps) for stage in pathway.stages)
    return (
        f"pathway: {len(pathway.stages)} stages, {steps} steps, {len(pathway.resources)} "
        f"resources, {len(pathway.frameworks)} reflection frameworks"
    )


def claim_warnings(pack: Pack, review_age: int) -> list[str]:
    """Legal claims without the legal mark, and sources past the review age, as FILE:LINE."""
    from datetime import date

    from questionbank.claims import stale_sources, unmarked_claims

    warnings = []
    for spec, origin in pack.questions:
        found = [*unmarked_claims(spec), *stale_sources(spec, date.today(), review_age)]
        warnings += [f"{origin}: warning: {problem}" for problem in found]
    return warnings


@content_app.command("load")
def content_load(
    path: Annotated[Path | None, typer.Argument(help="Pack folder or file.")] = None,
) -> None:
    """Load a content pack into the database (idempotent; all or nothing)."""
    django_setup()
    from django.conf import settings

    from questionbank.bank import bank_load, pack_read
    from questionbank.content import ContentError

    database_ready()
    target = path or settings.CONTENT_DIR
    try:
        report = bank_load(pack=pack_read(target))
    except ContentError as exc:
        for problem in exc.problems:
            typer.echo(str(problem), err=True)
        typer.echo(f"{len(exc.problems)} problem(s) found; nothing loaded.", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"Loaded {target}: {report}")


class ExportFormat(StrEnum):
    json = "json"
    yaml = "yaml"


@content_app.command("export")
def content_export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.yaml,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")] = None,
    pack_dir: Annotated[
        Path | None,
        typer.Option("--pack-dir", help="Write the whole bank as a pack folder instead."),
    ] = None,
) -> None:
    """Export the question bank (a list of questions), e.g. after editing it in the admin."""
    django_setup()
    database_ready()
    bank_required()  # an empty bank would write an empty pack over the real one
    from questionbank.bank import pack_write, questions_export, yaml_dump

    if pack_dir is not None:
        for written in pack_write(pack_dir):
            typer.echo(f"wrote {written}")
        return
    questions = questions_export()
    if format is ExportFormat.json:
        text = json.dumps(questions, indent=2, ensure_ascii=False) + "\n"
    else:
        text = yaml_dump({"questions": questions})
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {len(questions)} questions to {output}", err=True)


@app.command()
def createuser(
    username: Annotated[str, typer.Option(prompt=True)],
    email: Annotated[str, typer.Option(prompt=True)],
    password: Annotated[
        str,
        typer.Option(
            prompt=True, hide_input=True, confirmation_prompt=True, envvar="CAREPREP_PASSWORD"
        ),
    ],
    staff: Annotated[bool, typer.Option(help="Can use the admin to edit content.")] = False,
    superuser: Annotated[bool, typer.Option(help="Full admin rights.")] = False,
) -> None:
    """Create an account (password read from a hidden prompt or CAREPREP_PASSWORD)."""
    django_setup()
    database_ready()
    from django.core.exceptions import ValidationError

    from accounts.services import user_create

    try:
        user = user_create(
            username=username, email=email, password=password, staff=staff, superuser=superuser
        )
    except ValidationError as exc:
        for message in exc.messages:
            typer.echo(f"error: {message}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"created user {user.username}")


@app.command()
def demo() -> None:
    """Load a demo organisation to log in to: a cohort, candidates who have practised, a mentor,
    two interviewers and a programme admin (password from CAREPREP_PASSWORD, or generated and
    shown once). Running it again changes nothing. Refused when CAREPREP_ENV=production."""
    django_setup()
    from django.conf import settings
    from django.core.exceptions import ValidationError

    from programmes.demo import PEOPLE, DemoRefused, demo_counts, demo_load

    if settings.CAREPREP_ENV == "production":
        typer.echo("error: refusing to load demo accounts with CAREPREP_ENV=production", err=True)
        raise typer.Exit(1)
    prepare_database()
    try:
        report = demo_load(
            env=settings.CAREPREP_ENV, password=os.environ.get("CAREPREP_PASSWORD") or None
        )
    except (DemoRefused, ValidationError) as exc:
        messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
        for message in messages:
            typer.echo(f"error: {message}", err=True)
        raise typer.Exit(1) from None
    for line in report.lines:
        typer.echo(line)
    if report.password:
        typer.echo(f"password of every demo account (shown only now): {report.password}")
    elif report.created:
        typer.echo("password of every demo account: the one in CAREPREP_PASSWORD")
    counts = ", ".join(f"{n} {what}" for what, n in demo_counts().items())
    typer.echo(f"demo holds {counts}")
    typer.echo(f"log in at {settings.SITE_ROOT}/accounts/login/ as {', '.join(PEOPLE)}")


@retention_app.command("apply")
def retention_apply(
    days: Annotated[
        int | None, typer.Option(help="Days to keep (default: RETENTION_DAYS; 0 keeps all).")
    ] = None,
) -> None:
    """Remove attempts and finished mock interviews older than the retention period."""
    django_setup()
    database_ready()
    from django.conf import settings

    from practice.erasure import retention_apply as apply

    keep = settings.RETENTION_DAYS if days is None else days
    if keep < 0:
        typer.echo("error: --days must be 0 (keep everything) or more", err=True)
        raise typer.Exit(2)
    typer.echo(str(apply(days=keep)))
    from hiring.candidates import hiring_retention_apply

    # Hiring candidates are kept by their organisation's own period (or RETENTION_DAYS).
    typer.echo(f"erased {hiring_retention_apply()} hiring candidates past their retention period")


@audit_app.command("verify")
def audit_verify() -> None:
    """Walk the audit log's hash chain; report the first broken row (exit 1) or 'chain intact'."""
    django_setup()
    database_ready()
    from audit.services import audit_verify as verify

    report = verify()
    if report.broken is not None:
        row = report.broken
        typer.echo(
            f"chain broken at event {row.pk} ({row.event}, {row.created_at:%Y-%m-%d %H:%M:%S}): "
            f"{report.reason}; {report.checked} events before it are intact",
            err=True,
        )
        raise typer.Exit(1)
    # The last hash, kept elsewhere, also shows rows later removed from the end.
    typer.echo(f"chain intact: {report.checked} events, last hash {report.last_hash}")


@export_app.command("guide")
def export_guide(
    role: Annotated[str, typer.Option("--role", help="Role slug, e.g. patient-liaison.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="PDF file to write.")],
    jurisdiction: Annotated[
        str, typer.Option(help="us, uk, ca, or a nation or province such as uk-eng, ca-on.")
    ] = "general",
) -> None:
    """Write a role's question guide (questions, how to answer, what not to say) as a PDF."""
    django_setup()
    database_ready()
    bank_required()
    from questionbank.models import Role

    found = Role.objects.filter(slug=role).first()
    if found is None:
        slugs = ", ".join(Role.objects.values_list("slug", flat=True))
        typer.echo(f"error: no role {role!r} (roles: {slugs})", err=True)
        raise typer.Exit(2)
    from practice.pdf import guide_pdf
    from questionbank.jurisdictions import JURISDICTIONS

    if jurisdiction not in JURISDICTIONS:
        typer.echo(f"error: unknown jurisdiction {jurisdiction!r} ({', '.join(JURISDICTIONS)})")
        raise typer.Exit(2)
    output.write_bytes(guide_pdf(found, jurisdiction))
    typer.echo(f"wrote {output}")


@export_app.command("portfolio")
def export_portfolio(
    username: Annotated[str, typer.Argument(help="The patient partner's username.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="PDF file to write.")],
) -> None:
    """Write a patient partner's own portfolio (pathway progress, the reflections they chose,
    sessions, their mentor's assessments) as a PDF: the same file as their download button."""
    django_setup()
    database_ready()
    from django.contrib.auth.models import User

    from mentoring.pdf import portfolio_pdf

    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        typer.echo(f"error: no active user {username!r}", err=True)
        raise typer.Exit(2)
    output.write_bytes(portfolio_pdf(user))
    typer.echo(f"wrote {output}")


@export_app.command("kit")
def export_kit(
    kit_id: Annotated[int, typer.Argument(help="The kit's id (shown in its page's address).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="FILE.pdf, or FILE.yaml.")],
) -> None:
    """Write an interview kit as a PDF (one page a question, notes space, a blank scorecard)
    or, for a .yaml/.yml file, as YAML. A kit holds no one's ratings."""
    django_setup()
    database_ready()
    from hiring.exports import kit_pdf, kit_yaml
    from hiring.models import InterviewKit

    kit = InterviewKit.objects.filter(pk=kit_id).first()
    if kit is None:
        typer.echo(f"error: no interview kit {kit_id}", err=True)
        raise typer.Exit(2)
    if output.suffix.lower() in (".yaml", ".yml"):
        output.write_text(kit_yaml(kit), encoding="utf-8")
    else:
        output.write_bytes(kit_pdf(kit))
    typer.echo(f"wrote {output} ({kit.title}, version {kit.version})")


def _bank_question(question_id: str) -> dict | None:
    """A bank question by id, as the coach reads it (for `careprep coach review --id`)."""
    django_setup()
    prepare_database()
    from questionbank.models import Question

    found = Question.objects.filter(slug=question_id).prefetch_related("example_answers")
    item = found.select_related("competency").first()
    return item.coach_question() if item is not None else None


def _coach_bank() -> None:
    """Hand the coach the bundled bank, so it can tell an answer to another question."""
    from coach.bank import use_bank
    from questionbank.coaching import pack_questions

    content = Path(
        os.getenv("CONTENT_DIR", str(Path(__file__).resolve().parent.parent / "content"))
    )
    if content.exists():
        use_bank(pack_questions(content))


def mount_coach() -> None:
    """Add `careprep coach ...`, with the bank's questions looked up on this side."""
    from coach import cli as coach_cli

    coach_cli.question_lookup = _bank_question
    if not any(group.name == "coach" for group in app.registered_groups):
        app.add_typer(coach_cli.coach_app, name="coach", callback=_coach_bank)


def mount_guard() -> None:
    """Add `careprep guard ...`: the lawful-question guard, pure Python, no database."""
    from hiring.guard.cli import guard

    if not any(command.name == "guard" for command in app.registered_commands):
        app.command("guard")(guard)


def main() -> None:
    mount_coach()
    mount_guard()
    app()
