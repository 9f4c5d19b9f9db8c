"""Hiring pages, part one: the hiring home and the kit builder. Every object is fetched through
the policy (`programmes.policy`), so anything the user may not see or change is a 404."""

from __future__ import annotations

from typing import cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from programmes import policy
from programmes.models import MemberRole, Organisation
from questionbank.models import Question

from . import exports, kits
from .forms import CompetencyForm, KitForm, QuestionForm, WeightForm
from .glossary import FILE_NAME, read_glossary
from .models import InterviewKit, KitCompetency, KitQuestion, Scorecard

require_GET_POST = require_http_methods(["GET", "HEAD", "POST"])


def me(request: HttpRequest) -> User:
    return cast(User, request.user)


def managed_organisations(user: User) -> QuerySet[Organisation]:
    return policy.organisations_of(user, MemberRole.HIRING_MANAGER)


@require_safe
@login_required
def hiring_home(request: HttpRequest) -> HttpResponse:
    user = me(request)
    to_score = policy.hiring_interviews_visible_to(user).filter(panel=user).order_by("scheduled_at")
    mine = {
        card.interview_id: card for card in Scorecard.objects.filter(interviewer=user, current=True)
    }
    return render(
        request,
        "hiring/home.html",
        {
            "to_score": [(i, mine.get(i.pk)) for i in to_score],
            "kits": policy.kits_visible_to(user),
            "candidates": policy.hiring_candidates_visible_to(user),
            "managed": managed_organisations(user),
        },
    )


@require_safe
def glossary(request: HttpRequest) -> HttpResponse:
    """The recruiter glossary, with the bank questions that probe each term (public content)."""
    terms = read_glossary(settings.CONTENT_DIR / FILE_NAME).terms
    wanted = {slug for term in terms for slug in term.questions}
    questions = {q.slug: q for q in Question.objects.filter(slug__in=wanted)}
    rows = [(term, [questions[s] for s in term.questions if s in questions]) for term in terms]
    return render(request, "hiring/glossary.html", {"rows": rows})


@require_GET_POST
@login_required
def kit_new(request: HttpRequest) -> HttpResponse:
    managed = managed_organisations(me(request))
    if not managed.exists():
        raise Http404
    form = KitForm(request.POST or None, managed=managed)
    if request.method == "POST" and form.is_valid():
        kit = kits.kit_create(by=me(request), **form.cleaned_data)
        return redirect(kit)
    return render(request, "hiring/kit_new.html", {"form": form})


def _question_form(item: KitCompetency, data: object = None) -> QuestionForm:
    """One form per competency on the kit page, each with its own element ids."""
    return QuestionForm(data, item=item, auto_id=f"id_q{item.pk}_%s")


def _kit_context(request: HttpRequest, kit: InterviewKit) -> dict[str, object]:
    editable = policy.kits_editable_by(me(request)).filter(pk=kit.pk).exists()
    items = list(kit.competencies.select_related("competency").prefetch_related("questions"))
    return {
        "kit": kit,
        "items": items,
        "editable": editable,
        "manager": policy.may_manage_hiring(me(request), kit.organisation),
        "problems": kits.kit_problems(kit) if editable else [],
        "competency_form": CompetencyForm() if editable else None,
        "question_forms": {item.pk: _question_form(item) for item in items} if editable else {},
        "versions": kits.kit_versions(kit),
    }


@require_safe
@login_required
def kit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    kit = get_object_or_404(policy.kits_visible_to(me(request)), pk=pk)
    return render(request, "hiring/kit.html", _kit_context(request, kit))


def _editable_kit(request: HttpRequest, pk: int) -> InterviewKit:
    return get_object_or_404(policy.kits_editable_by(me(request)), pk=pk)


def _problem(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@require_POST
@login_required
def kit_competency_add(request: HttpRequest, pk: int) -> HttpResponse:
    kit = _editable_kit(request, pk)
    form = CompetencyForm(request.POST)
    if form.is_valid():
        try:
            kits.kit_competency_add(kit=kit, **form.cleaned_data)
        except ValidationError as error:
            _problem(request, error)
    else:
        context = _kit_context(request, kit) | {"competency_form": form}
        return render(request, "hiring/kit.html", context, status=400)
    return redirect(kit)


def _editable_item(request: HttpRequest, pk: int) -> KitCompetency:
    editable = policy.kits_editable_by(me(request))
    return get_object_or_404(KitCompetency.objects.filter(kit__in=editable), pk=pk)


@require_POST
@login_required
def kit_competency_weigh(request: HttpRequest, pk: int) -> HttpResponse:
    item = _editable_item(request, pk)
    form = WeightForm(request.POST)
    if form.is_valid():
        kits.kit_competency_weigh(
            item=item,
            weight=form.cleaned_data["weight"],
            weight_rationale=form.cleaned_data["weight_rationale"],
        )
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, f"{item.competency.name}: {error}")
    return redirect(item.kit)


@require_POST
@login_required
def kit_competency_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = _editable_item(request, pk)
    kit = item.kit
    item.delete()
    return redirect(kit)


@require_POST
@login_required
def kit_question_add(request: HttpRequest, pk: int) -> HttpResponse:
    item = _editable_item(request, pk)
    form = _question_form(item, request.POST)
    if not form.is_valid():
        forms = _kit_context(request, item.kit)["question_forms"]
        assert isinstance(forms, dict)
        context = _kit_context(request, item.kit) | {"question_forms": forms | {item.pk: form}}
        return render(request, "hiring/kit.html", context, status=400)
    bank = form.cleaned_data.get("bank_question")
    try:
        question = kits.kit_question_add(
            item=item, bank_question=bank, **form.service_fields(with_bank=bank is not None)
        )
    except ValidationError as error:
        _problem(request, error)
        return redirect(item.kit)
    if not question.lawful:
        messages.warning(request, "The lawful-question guard flagged this question: see below.")
    return redirect(f"{item.kit.get_absolute_url()}#question-{question.pk}")


def _editable_question(request: HttpRequest, pk: int) -> KitQuestion:
    editable = policy.kits_editable_by(me(request))
    found = KitQuestion.objects.filter(kit_competency__kit__in=editable)
    return get_object_or_404(found.select_related("kit_competency__kit"), pk=pk)


@require_GET_POST
@login_required
def kit_question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    question = _editable_question(request, pk)
    kit = question.kit_competency.kit
    initial = {
        "text": question.text,
        "follow_ups": "\n".join(question.follow_ups),
        "listen_for": "\n".join(question.listen_for),
        "red_flags": "\n".join(question.red_flags),
        **question.level_indicators,
    }
    form = QuestionForm(request.POST or None, initial=initial)
    del form.fields["bank_question"]  # an edit changes the text; the bank link stays as it was
    if request.method == "POST" and form.is_valid():
        kits.kit_question_edit(question=question, **form.service_fields(with_bank=False))
        return redirect(f"{kit.get_absolute_url()}#question-{question.pk}")
    return render(request, "hiring/question_edit.html", {"form": form, "question": question})


@require_POST
@login_required
def kit_question_remove(request: HttpRequest, pk: int) -> HttpResponse:
    question = _editable_question(request, pk)
    kit = question.kit_competency.kit
    question.delete()
    return redirect(kit)


@require_POST
@login_required
def kit_publish(request: HttpRequest, pk: int) -> HttpResponse:
    kit = _editable_kit(request, pk)
    try:
        kits.kit_publish(kit=kit)
    except ValidationError as error:
        _problem(request, error)
    else:
        messages.success(request, f"Published version {kit.version}. It can no longer change.")
    return redirect(kit)


@require_POST
@login_required
def kit_new_version(request: HttpRequest, pk: int) -> HttpResponse:
    kit = get_object_or_404(policy.kits_visible_to(me(request)), pk=pk)
    if not policy.may_manage_hiring(me(request), kit.organisation):
        raise Http404
    copy = kits.kit_new_version(kit=kit, by=me(request))
    messages.success(request, f"Version {copy.version} is a draft copy of version {kit.version}.")
    return redirect(copy)


@require_safe
@login_required
def kit_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    kit = get_object_or_404(policy.kits_visible_to(me(request)), pk=pk)
    response = HttpResponse(exports.kit_pdf(kit), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="kit-{kit.pk}-v{kit.version}.pdf"'
    return response


@require_safe
@login_required
def kit_yaml(request: HttpRequest, pk: int) -> HttpResponse:
    kit = get_object_or_404(policy.kits_visible_to(me(request)), pk=pk)
    response = HttpResponse(exports.kit_yaml(kit), content_type="application/yaml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kit-{kit.pk}-v{kit.version}.yaml"'
    return response
