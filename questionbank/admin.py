from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse

from .bank import question_data, with_guidance, yaml_dump
from .models import Competency, ExampleAnswer, Level, Question, Role
from .search import search_index_update


class ExampleAnswerInline(admin.StackedInline):
    model = ExampleAnswer
    extra = 0


@admin.action(description="Export selected questions as a YAML content file")
def export_yaml(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> HttpResponse:
    body = yaml_dump({"questions": [question_data(q) for q in with_guidance(queryset)]})
    response = HttpResponse(body, content_type="application/yaml; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="questions.yaml"'
    return response


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = (
        "slug",
        "text",
        "type",
        "competency",
        "jurisdiction",
        "source_file",
        "updated_at",
    )
    list_filter = ("type", "roles", "levels", "competency", "jurisdiction", "legal")
    search_fields = ("slug", "text", "search_text")
    filter_horizontal = ("roles", "levels")
    inlines = [ExampleAnswerInline]
    actions = [export_yaml]
    readonly_fields = ("source_file", "updated_at")

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        search_index_update(form.instance)  # after the inlines: an example removed is unindexed


@admin.register(Competency)
class CompetencyAdmin(admin.ModelAdmin):
    list_display = ("slug", "name")
    search_fields = ("slug", "name", "definition")


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ("slug", "name", "order")


admin.site.register(Level)
admin.site.site_header = "CarePrep administration"
