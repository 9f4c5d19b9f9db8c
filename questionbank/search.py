"""Ranked full-text search over the question bank, with one backend per database.

PostgreSQL keeps a weighted `tsvector` per question (`QuestionSearchVector`, GIN-indexed) and
ranks with `ts_rank`; SQLite keeps an FTS5 table (`questionbank_question_fts`, porter stemmer)
and ranks with `bm25`. Both weigh the question's own words above its talking points and focus
(competency, skills, why it is asked), and those above its example answers, so "portal" finds
portal questions first. Callers use `search_apply` and never see which backend answered.

The index is written by `search_index_update` whenever a question or an example answer is saved
(signals, the content loader and the admin); a question's row is replaced whole each time, so
writing it twice is harmless.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, Protocol

import snowballstemmer
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, QuerySet, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Column weights, text : points and focus : examples (bm25 takes them as multipliers; PostgreSQL
# reads the A/B/C labels with its default weights 1.0 / 0.4 / 0.2).
BM25_WEIGHTS = (10.0, 3.0, 1.0)
PG_CONFIG = "english"
FTS_TABLE = "questionbank_question_fts"
MAX_TERMS = 8
WORD = re.compile(r"\w+")

# Words too common to rank by; PostgreSQL's English configuration drops them too, so both
# databases read a query such as "how do I calm an angry patient" the same way.
STOP_WORDS = frozenset(
    """a an and are as at be been but by can could did do does doing for from had has have he
    her here hers him his how i if in into is it its me my myself no nor not of on or our ours
    she so than that the their them then there these they this those to too very was we were
    what when where which while who whom why will with would you your yours""".split()  # noqa: SIM905
)


def search_terms(q: str) -> list[str]:
    """The words of a query worth searching for (not single letters or stop words),
    lower-cased, in order, each once."""
    seen: list[str] = []
    for word in WORD.findall(q.lower()):
        if len(word) > 1 and word not in STOP_WORDS and word not in seen:
            seen.append(word)
    return seen[:MAX_TERMS]


@dataclass(frozen=True)
class Match:
    """How a query was answered: `all` its words, `any` of them (when no question has all),
    or `none` when it had no word to search for (only words such as "the" or "how")."""

    terms: tuple[str, ...]
    mode: Literal["all", "any", "none"]


def search_document(question: Any, examples: list[str]) -> tuple[str, str, str]:
    """A question's three weighted parts: its text; its talking points and focus; examples."""
    focus = [question.why_asked, *question.key_points, *question.skills_tested]
    if question.competency_id:
        focus.append(question.competency.name)
    return question.text, "\n".join(focus), "\n".join(examples)


class Backend(Protocol):
    stemmer: str

    def write(self, pk: int, document: tuple[str, str, str]) -> None: ...
    def remove(self, pk: int) -> None: ...
    def ranked(
        self, questions: QuerySet[Any], terms: tuple[str, ...], every: bool
    ) -> QuerySet[Any]: ...


class SqliteBackend:
    stemmer = "porter"  # what FTS5's porter tokenizer applies

    def write(self, pk: int, document: tuple[str, str, str]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [pk])
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, text, points, examples) VALUES (%s, %s, %s, %s)",
                [pk, *document],
            )

    def remove(self, pk: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [pk])

    def ranked(self, questions: QuerySet[Any], terms: tuple[str, ...], every: bool) -> QuerySet:
        # Each term is quoted, so nothing a user types is read as FTS5 query syntax.
        expression = (" AND " if every else " OR ").join(f'"{term}"' for term in terms)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, bm25({FTS_TABLE}, %s, %s, %s) FROM {FTS_TABLE} "
                f"WHERE {FTS_TABLE} MATCH %s",
                [*BM25_WEIGHTS, expression],
            )
            scores = {pk: -score for pk, score in cursor.fetchall()}  # bm25: lower is better
        rank = Case(
            *(When(pk=pk, then=Value(score)) for pk, score in scores.items()),
            default=Value(0.0),
            output_field=FloatField(),
        )
        return questions.filter(pk__in=list(scores)).annotate(search_rank=rank)


class PostgresBackend:
    stemmer = "english"  # the Snowball stemmer behind PostgreSQL's english configuration

    def write(self, pk: int, document: tuple[str, str, str]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO questionbank_questionsearchvector (question_id, vector) VALUES (%s,"
                " setweight(to_tsvector(%s::regconfig, %s), 'A')"
                " || setweight(to_tsvector(%s::regconfig, %s), 'B')"
                " || setweight(to_tsvector(%s::regconfig, %s), 'C'))"
                " ON CONFLICT (question_id) DO UPDATE SET vector = EXCLUDED.vector",
                [pk, PG_CONFIG, document[0], PG_CONFIG, document[1], PG_CONFIG, document[2]],
            )

    def remove(self, pk: int) -> None:
        pass  # the row goes with its question (on_delete=CASCADE)

    def ranked(self, questions: QuerySet[Any], terms: tuple[str, ...], every: bool) -> QuerySet:
        queries = [SearchQuery(term, config=PG_CONFIG) for term in terms]
        query = queries[0]
        for other in queries[1:]:
            query = (query & other) if every else (query | other)
        # A sum over the words, as bm25 does: ts_rank of an AND query weighs how close the words
        # stand, and two words far apart in a long answer rank as 0. Normalisation 1 divides by
        # the log of the document's length, so that a long example answer saying "portal" once
        # does not outrank a question about the portal.
        vector = F("search_vector__vector")
        rank: Any = SearchRank(vector, queries[0], normalization=Value(1))
        for other in queries[1:]:
            rank = rank + SearchRank(vector, other, normalization=Value(1))
        return questions.filter(search_vector__vector=query).annotate(search_rank=rank)


def backend() -> Backend:
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()


def search_index_update(question: Any) -> None:
    """Write one question's row of the index (after it or its example answers changed)."""
    examples = [answer.text for answer in question.example_answers.all()]
    backend().write(question.pk, search_document(question, examples))


def search_index_remove(pk: int) -> None:
    backend().remove(pk)


def search_apply(questions: QuerySet[Any], q: str) -> tuple[QuerySet[Any], Match]:
    """`questions` (already narrowed to what the viewer may see) that match `q`, best first, each
    with `search_rank`. Every word must match; when no question has them all, any word does."""
    terms = tuple(search_terms(q))
    if not terms:
        return questions.none(), Match(terms, "none")
    engine = backend()
    found = engine.ranked(questions, terms, every=True)
    if len(terms) > 1 and not found.exists():
        return engine.ranked(questions, terms, every=False), Match(terms, "any")
    return found, Match(terms, "all")


# --- Highlighting -------------------------------------------------------------------------


def _stems(words: list[str]) -> list[str]:
    return list(snowballstemmer.stemmer(backend().stemmer).stemWords(words))


def highlight(text: str, terms: tuple[str, ...]) -> SafeString:
    """`text` escaped, with each word that the search matched (same stem) inside <mark>."""
    wanted = set(_stems(list(terms)))
    words = list(WORD.finditer(text))
    stems = _stems([m.group().lower() for m in words])
    out, last = [], 0
    for found, stem in zip(words, stems, strict=True):
        if stem in wanted:
            out += [escape(text[last : found.start()]), f"<mark>{escape(found.group())}</mark>"]
            last = found.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # every piece of `text` went through escape()


def excerpt(text: str, terms: tuple[str, ...], words: int = 24) -> SafeString | None:
    """A window of about `words` words of `text` around its first matched word, highlighted;
    None when nothing in `text` matches."""
    wanted = set(_stems(list(terms)))
    tokens = text.split()
    stems = _stems([(WORD.findall(token.lower()) or [""])[0] for token in tokens])
    first = next((i for i, stem in enumerate(stems) if stem in wanted), None)
    if first is None:
        return None
    start = max(0, first - words // 3)
    window = " ".join(tokens[start : start + words])
    before = "… " if start else ""
    after = " …" if start + words < len(tokens) else ""
    return mark_safe(f"{before}{highlight(window, terms)}{after}")


def search_highlight(questions: list[Any], match: Match, jurisdiction: str) -> None:
    """Give each found question `marked` (its text with the matched words marked) and, when its
    text does not hold them, `excerpt_from` and `excerpt`: the talking point or focus that
    matched. An example answer stays hidden until a candidate asks for it on the question page,
    so a match there is named, not shown."""
    terms = match.terms
    for question in questions:
        question.marked = highlight(question.text, terms)
        question.excerpt_from, question.excerpt = "", None
        if "<mark>" in question.marked:
            continue
        places = [("Talking point", p) for p in question.key_points_for(jurisdiction)]
        places += [
            ("Competency", question.competency.name),
            ("Why it is asked", question.why_asked),
        ]
        places += [("Skill tested", skill) for skill in question.skills_tested]
        for name, text in places:
            shown = excerpt(text, terms)
            if shown is not None:
                question.excerpt_from, question.excerpt = name, shown
                break
        else:
            question.excerpt_from = "Matched in an example answer"
