from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from questionbank.models import Competency, Role
from questionbank.selectors import question_detail, question_list

from .forms import QuestionFilterForm


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "front/home.html", {"roles": Role.objects.all()})


def _browse(request: HttpRequest, role: Role | None) -> HttpResponse:
    """One view for a role page and the whole-bank search: a page, or its HTMX fragment."""
    form = QuestionFilterForm(request.GET or None)
    filters = form.filters(role=role.slug if role else "")
    questions = list(question_list(filters))
    context = {"role": role, "form": form, "questions": questions, "filters": filters}
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "front/_results.html", context)
    return render(request, "front/browse.html", context)


def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    return _browse(request, get_object_or_404(Role, slug=slug))


def question_search(request: HttpRequest) -> HttpResponse:
    return _browse(request, None)


def question_page(request: HttpRequest, slug: str) -> HttpResponse:
    question = get_object_or_404(question_detail(slug))
    return render(request, "front/question.html", {"question": question})


def competency_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "front/competencies.html",
        {"competencies": Competency.objects.all()},
    )
