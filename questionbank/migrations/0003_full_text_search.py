# Full-text search: a weighted, GIN-indexed tsvector per question on PostgreSQL, an FTS5 table
# with the porter stemmer on SQLite (see questionbank/search.py), filled from the bank as it is.

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

FTS_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS questionbank_question_fts USING fts5("
    "text, points, examples, tokenize = 'porter unicode61 remove_diacritics 2')"
)
GIN_CREATE = (
    "CREATE INDEX IF NOT EXISTS questionbank_questionsearchvector_gin "
    "ON questionbank_questionsearchvector USING gin (vector)"
)


def index_create(apps, schema_editor):
    from questionbank.search import search_index_update

    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(FTS_CREATE)
    elif vendor == "postgresql":
        schema_editor.execute(GIN_CREATE)
    Question = apps.get_model("questionbank", "Question")
    for question in Question.objects.select_related("competency").prefetch_related(
        "example_answers"
    ):
        search_index_update(question)


def index_drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS questionbank_question_fts")


class Migration(migrations.Migration):

    dependencies = [
        ('questionbank', '0002_jurisdiction_and_sources'),
    ]

    operations = [
        migrations.CreateModel(
            name='QuestionSearchVector',
            fields=[
                ('question', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search_vector', serialize=False, to='questionbank.question')),
                ('vector', django.contrib.postgres.search.SearchVectorField()),
            ],
        ),
        migrations.RunPython(index_create, index_drop),
    ]
