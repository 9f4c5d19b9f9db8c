from django.apps import AppConfig


class QuestionbankConfig(AppConfig):
    name = "questionbank"
    verbose_name = "Question bank"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the search index's receivers)
