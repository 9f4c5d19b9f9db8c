"""`careprep coach ...`: review one answer, or evaluate a batch (the contract in PRODUCT.md)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
from rich.table import Table

from .engine import review
from .llm import LlmConfig, review_with_llm
from .types import CRITERIA, Feedback, Question

coach_app = typer.Typer(help="The answer coach: offline feedback on interview answers.")


# Set by the application's command line (careprep.cli): looks a bank question up by id and
# returns it as the coach reads it, or None. The coach itself never reads the web app's database.
question_lookup: Callable[[str], dict[str, Any] | None] | None = None


def _bank_question(question_id: str) -> dict[str, Any]:
    found = question_lookup(question_id) if question_lookup is not None else None
    if found is None:
        typer.echo(f"error: no question with id {question_id!r} in the bank", err=True)
        raise typer.Exit(2)
    return found


@coach_app.command("review")
def review_command(
    answer_file: Annotated[
        Path | None, typer.Argument(help="File with the answer; '-' or nothing reads stdin.")
    ] = None,
    question: Annotated[str | None, typer.Option("--question", "-q", help="Question text.")] = None,
    question_id: Annotated[
        str | None, typer.Option("--id", help="A question id from the bank.")
    ] = None,
    key_point: Annotated[
        list[str] | None, typer.Option("--key-point", "-k", help="A talking point (repeatable).")
    ] = None,
    question_type: Annotated[
        str, typer.Option("--type", help="situational, behavioural, technical or motivation.")
    ] = "",
    as_json: Annotated[bool, typer.Option("--json", help="Print the feedback as JSON.")] = False,
    use_llm: Annotated[
        bool, typer.Option("--llm", help="Add the LLM reviewer (needs CAREPREP_LLM_URL).")
    ] = False,
) -> None:
    """Review one answer and print the feedback."""
    if question_id:
        data = _bank_question(question_id)
    elif question:
        data = {"text": question, "type": question_type, "key_points": key_point or []}
    else:
        typer.echo("error: give --question TEXT or --id QUESTION_ID", err=True)
        raise typer.Exit(2)
    if answer_file is None or str(answer_file) == "-":
        answer = sys.stdin.read()
    else:
        try:
            answer = answer_file.read_text(encoding="utf-8")
        except OSError as exc:
            typer.echo(f"error: cannot read {answer_file}: {exc.strerror}", err=True)
            raise typer.Exit(2) from None
    if use_llm:
        config = LlmConfig.from_env()
        if config is None:
            typer.echo("error: --llm needs CAREPREP_LLM_URL (see .env.example)", err=True)
            raise typer.Exit(2)
        feedback = review_with_llm(data, answer, config)
    else:
        feedback = review(data, answer)
    if as_json:
        typer.echo(json.dumps(feedback.to_dict(), indent=2, ensure_ascii=False))
    else:
        print_feedback(feedback, Console())


def _evaluate_line(line: str) -> dict[str, Any]:
    """One output line for one input line; a bad line gets {"id", "error"} so lines stay aligned."""
    record: Any = None
    try:
        record = json.loads(line)
        question = Question.from_dict(record["question"])
        return review(question, str(record["answer"])).batch_line(str(record["id"]))
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"not valid JSON: {exc.msg}"}
    except (ValueError, KeyError, TypeError) as exc:
        item_id = record.get("id") if isinstance(record, dict) else None
        message = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        return {"id": item_id, "error": message}


def print_feedback(feedback: Feedback, console: Console) -> None:
    console.print(f"[bold]Overall {feedback.overall}/100[/bold]  ({feedback.word_count} words)")
    table = Table(show_header=True, header_style="bold")
    table.add_column("criterion")
    table.add_column("score", justify="right")
    table.add_column("")
    for name in CRITERIA:
        value = feedback.criteria[name]
        table.add_row(name, str(value), "█" * (value // 10))
    console.print(table)
    for point in feedback.key_points:
        mark = "[green]✓[/green]" if point.covered else "[red]✗[/red]"
        evidence = f'  ← "{point.evidence.text[:80]}"' if point.evidence else ""
        console.print(f"{mark} {point.text}{evidence}", highlight=False)
    for flag in feedback.flags:
        console.print(f"[yellow]! {flag.code}[/yellow]: {flag.message}", highlight=False)
        if flag.replacement:
            console.print(f"    fix: {flag.replacement}", highlight=False)
    if feedback.score_parts:
        parts = ", ".join(
            f"{p.name} {p.points:.0f}/{p.possible:.0f}"
            if p.possible
            else f"{p.name} {p.points:.0f}"
            for p in feedback.score_parts
        )
        console.print(f"[dim]How the score is made (points): {parts}[/dim]", highlight=False)
    if feedback.suggestions:
        console.print("[bold]Next time[/bold]")
        for suggestion in feedback.suggestions:
            console.print(f" - ({suggestion.criterion}) {suggestion.text}", highlight=False)
    if feedback.llm is not None:
        console.print(f"[bold]AI reviewer ({feedback.llm.model})[/bold]")
        console.print(feedback.llm.narrative, highlight=False, markup=False)
        console.print("[bold]A stronger version[/bold]")
        console.print(feedback.llm.improved_answer, highlight=False, markup=False)
    for note in feedback.notes:
        console.print(f"[dim]{note}[/dim]")


@coach_app.command("evaluate")
def evaluate_command(
    input_file: Annotated[Path, typer.Argument(help="JSON Lines: {id, question, answer} a line.")],
) -> None:
    """Review every line of IN.jsonl; write one JSON result a line to stdout."""
    try:
        lines = input_file.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        typer.echo(f"error: cannot read {input_file}: {exc.strerror}", err=True)
        raise typer.Exit(2) from None
    items = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    errors = 0
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=len(items) < 20,
        transient=True,
    ) as progress:
        task = progress.add_task("reviewing", total=len(items))
        for number, line in items:
            result = _evaluate_line(line)
            if "error" in result:
                errors += 1
                typer.echo(f"{input_file}:{number}: {result['error']}", err=True)
            sys.stdout.write(json.dumps(result) + "\n")
            progress.advance(task)
    if errors:
        raise typer.Exit(1)
