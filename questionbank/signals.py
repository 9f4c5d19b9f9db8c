"""Keep the search index in step with the bank, whoever writes to it (loader, admin, others)."""

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import ExampleAnswer, Question
from .search import search_index_remove, search_index_update


@receiver(post_save, sender=Question, dispatch_uid="questionbank-search-question")
def question_saved(sender: type, instance: Question, **kwargs: Any) -> None:
    # The content loader indexes once, after it has written the example answers too.
    if not getattr(instance, "search_index_later", False):
        search_index_update(instance)


@receiver(post_delete, sender=Question, dispatch_uid="questionbank-search-question-gone")
def question_deleted(sender: type, instance: Question, **kwargs: Any) -> None:
    search_index_remove(instance.pk)


@receiver(post_save, sender=ExampleAnswer, dispatch_uid="questionbank-search-example")
def example_saved(sender: type, instance: ExampleAnswer, **kwargs: Any) -> None:
    search_index_update(instance.question)
