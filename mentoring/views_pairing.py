"""Pages of finding a mentor, pairings, sessions, and the review of shared practice."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST, require_safe

from practice.models import Attempt
from programmes import policy
from questionbank.models import Question

from . import auditing, pathway, services
from .forms import (
    CODE_OF_CONDUCT,
    HOW_TO_END,
    AdoptForm,
    AttemptShareForm,
    CommentForm,
    FeedbackForm,
    MentorProfileForm,
    PairingRequestForm,
    ReviewForm,
    SessionForm,
    WishesForm,
    _lines,
)
from .matching import Wishes
from .models import AnswerComment, MentorProfile, Pairing, PracticeShare
from .selectors import (
    active_pairings_as_partner,
    answer_view,
    mentor_suggestions,
    next_question_choices,
    pairing_of,
    pairing_visible,
    share_editable,
    share_visible,
    shared_attempts,
)
from .views import _errors, _me, require_GET_POST


@require_safe
@login_required
def mentor_list(request: HttpRequest) -> HttpResponse:
    """Mentors of the partner's organisation, ranked, each with the reasons for its score."""
    wishes = WishesForm(request.GET or None)
    suggestions = mentor_suggestions(_me(request), Wishes(**wishes.lists()))
    context = {
        "wishes": wishes,
        "suggestions": suggestions,
        "pairings": policy.pairings_of(_me(request)),
        "request_form": PairingRequestForm(
            initial={"code_of_conduct": CODE_OF_CONDUCT, "how_to_end": HOW_TO_END}
        ),
    }
    return render(request, "mentoring/mentors.html", context)


@require_POST
@login_required
def pairing_request(request: HttpRequest, mentor_id: int) -> HttpResponse:
    me = _me(request)
    organisation = pathway.home_organisation(me)
    # user__pk: an id past the database's integers is a 404, not an overflow of the column.
    profile = policy.mentor_profiles_visible_to(me).filter(user__pk=mentor_id).first()
    if organisation is None or profile is None:
        raise Http404
    form = PairingRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Fill in every part of the agreement.")
        return redirect("mentors")
    try:
        pairing = services.pairing_request(
            organisation=organisation,
            partner=me,
            mentor=profile.user,
            requested_by=me,
            **form.cleaned_data,
        )
    except ValidationError as exc:
        _errors(request, exc)
        return redirect("mentors")
    messages.success(request, "Request sent; the pairing starts when your mentor accepts.")
    return redirect(pairing_page, pk=pairing.pk)


@require_safe
@login_required
def pairing_page(request: HttpRequest, pk: int) -> HttpResponse:
    me = _me(request)
    pairing = pairing_visible(me, pk)
    party = me.pk in (pairing.partner_id, pairing.mentor_id)
    stages = pathway.pathway_for(pathway.home_organisation(pairing.partner))
    context = {
        "pairing": pairing,
        "party": party,
        "is_partner": me.pk == pairing.partner_id,
        "can_accept": party and pairing.status == "requested" and pairing.requested_by_id != me.pk,
        "sessions": policy.sessions_visible_to(me).filter(pairing=pairing) if party else [],
        "session_form": SessionForm(),
        "adopt_stages": stages,
        "feedback_form": FeedbackForm(),
        "gave_feedback": pairing.feedback.filter(author=me).exists(),
        "shares": policy.practice_shares_visible_to(me).filter(pairing=pairing),
    }
    return render(request, "mentoring/pairing.html", context)


@require_POST
@login_required
def pairing_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    pairing = pairing_of(_me(request), pk)
    act = {
        "accept": services.pairing_accept,
        "decline": services.pairing_decline,
        "end": services.pairing_end,
    }.get(action)
    if act is None:
        raise Http404
    try:
        act(pairing=pairing, user=_me(request))
    except ValidationError as exc:
        _errors(request, exc)
    return redirect(pairing_page, pk=pairing.pk)


@require_POST
@login_required
def pairing_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = pairing_of(_me(request), pk)
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            services.feedback_give(pairing=pairing, user=_me(request), **form.cleaned_data)
            messages.success(request, "Thank you for your feedback.")
        except ValidationError as exc:
            _errors(request, exc)
    return redirect(pairing_page, pk=pairing.pk)


@require_POST
@login_required
def session_add(request: HttpRequest, pk: int) -> HttpResponse:
    pairing = pairing_of(_me(request), pk)
    form = SessionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the session's date.")
        return redirect(pairing_page, pk=pairing.pk)
    data = form.cleaned_data
    try:
        services.session_log(
            pairing=pairing,
            user=_me(request),
            held_on=data["held_on"],
            agenda=data["agenda"],
            notes=data["notes"],
            next_steps=form.next_step_list(),
        )
    except ValidationError as exc:
        _errors(request, exc)
    return redirect(pairing_page, pk=pairing.pk)


@require_POST
@login_required
def session_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    """A next step of a session becomes one of the partner's goals (the partner decides)."""
    session = get_object_or_404(policy.sessions_visible_to(_me(request)), pk=pk)
    if session.pairing.partner_id != request.user.pk:
        raise Http404
    stages = pathway.pathway_for(pathway.home_organisation(_me(request)))
    form = AdoptForm(request.POST, stages=stages)
    if form.is_valid():
        try:
            services.next_step_adopt(session=session, **form.cleaned_data)
            messages.success(request, "Added to your goals.")
        except ValidationError as exc:
            _errors(request, exc)
    return redirect(pairing_page, pk=session.pairing_id)


@require_GET_POST
@login_required
def mentor_profile(request: HttpRequest) -> HttpResponse:
    me = _me(request)
    organisation = policy.organisations_of(me, "mentor").order_by("pk").first()
    if organisation is None:
        raise Http404
    profile = MentorProfile.objects.filter(user=me).first()
    initial = {
        "lived_experience_text": ", ".join(profile.lived_experience) if profile else "",
        "languages_text": ", ".join(profile.languages) if profile else "",
    }
    form = MentorProfileForm(request.POST or None, instance=profile, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["lived_experience"] = _lines(data.pop("lived_experience_text"))
        data["languages"] = _lines(data.pop("languages_text"))
        services.mentor_profile_save(user=me, organisation=organisation, **data)
        messages.success(request, "Profile saved.")
        return redirect("mentor_profile")
    return render(request, "mentoring/mentor_profile.html", {"form": form})


# --- Shared practice -------------------------------------------------------------------------


@require_GET_POST
@login_required
def practice_shares(request: HttpRequest) -> HttpResponse:
    """A candidate's practice, each answer and mock interview with a share switch."""
    me = _me(request)
    pairings = active_pairings_as_partner(me)
    if request.method == "POST":
        _share_toggle(request, me, pairings)
        return redirect("practice_shares")
    shares = policy.practice_shares_editable_by(me)
    context = {
        "pairings": pairings,
        "attempts": policy.attempts_editable_by(me).filter(mock_interview__isnull=True)[:30],
        "interviews": policy.interviews_editable_by(me)[:10],
        "live_attempts": {s.attempt_id: s for s in shares if s.live and s.attempt_id},
        "live_interviews": {s.interview_id: s for s in shares if s.live and s.interview_id},
        "shares": shares.select_related("attempt", "interview", "pairing__mentor"),
    }
    return render(request, "mentoring/shares.html", context)


def _share_toggle(request: HttpRequest, me: User, pairings: list[Pairing]) -> None:
    if request.POST.get("unshare"):
        share = share_editable(me, int(request.POST["unshare"]))
        services.practice_unshare(share=share)
        messages.success(request, "No longer shared: your mentor cannot see it now.")
        return
    pairing = next((p for p in pairings if str(p.pk) == request.POST.get("pairing")), None)
    if pairing is None:
        messages.error(request, "Choose the mentor to share with.")
        return
    attempt = interview = None
    if request.POST.get("attempt"):
        attempt = get_object_or_404(policy.attempts_editable_by(me), pk=request.POST["attempt"])
    elif request.POST.get("interview"):
        interview = get_object_or_404(
            policy.interviews_editable_by(me), pk=request.POST["interview"]
        )
    try:
        services.practice_share(pairing=pairing, attempt=attempt, interview=interview)
        messages.success(request, f"Shared with {pairing.mentor_name}.")
    except ValidationError as exc:
        _errors(request, exc)


@require_POST
@login_required
def attempt_share(request: HttpRequest, pk: int) -> HttpResponse:
    """Share an answer with a mentor of yours from its feedback page, or stop sharing it. The
    answer and the pairing come through the policy: anyone else's, or no mentor now, is a 404."""
    me = _me(request)
    attempt = get_object_or_404(policy.attempts_editable_by(me), pk=pk)
    form = AttemptShareForm(request.POST)
    if not form.is_valid():
        raise Http404
    pairing = get_object_or_404(
        policy.share_pairings_for(me, attempt).select_related("mentor"),
        pk=form.cleaned_data["pairing"],
    )
    if form.cleaned_data["action"] == "share":
        services.practice_share(pairing=pairing, attempt=attempt)
        messages.success(request, f"Shared with {pairing.mentor_name}; stop sharing at any time.")
    else:
        share = get_object_or_404(
            policy.practice_shares_editable_by(me), pairing=pairing, attempt=attempt
        )
        services.practice_unshare(share=share)
        messages.success(request, f"No longer shared: {pairing.mentor_name} cannot see it now.")
    return redirect(attempt)


@require_safe
@login_required
def share_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The shared answer(s) with the coach's feedback, the mentor's rating and sentence comments.
    The mentor sees it while the share is live; the candidate always."""
    me = _me(request)
    share = share_visible(me, pk)
    auditing.shared_item_read(reader=me, obj=share, where="page")
    attempts = shared_attempts(me, share)
    views = [answer_view(me, share, a) for a in attempts]
    is_mentor = me.pk == share.pairing.mentor_id
    context = {
        "share": share,
        "answers": [
            (
                view,
                ReviewForm(
                    questions=next_question_choices(view.attempt),
                    initial={
                        "rating": view.review.rating if view.review else None,
                        "summary": view.review.summary if view.review else "",
                    },
                ),
            )
            for view in views
        ],
        "is_mentor": is_mentor,
    }
    return render(request, "mentoring/review.html", context)


def _shared_answer(
    request: HttpRequest, pk: int, attempt_pk: int
) -> tuple[User, PracticeShare, Attempt]:
    me = _me(request)
    share = share_visible(me, pk)
    attempt = next((a for a in shared_attempts(me, share) if a.pk == attempt_pk), None)
    if attempt is None:
        raise Http404
    return me, share, attempt


@require_POST
@login_required
def review_save(request: HttpRequest, pk: int, attempt_pk: int) -> HttpResponse:
    me, share, attempt = _shared_answer(request, pk, attempt_pk)
    if me.pk != share.pairing.mentor_id:
        raise Http404
    form = ReviewForm(request.POST, questions=next_question_choices(attempt))
    if form.is_valid():
        data = form.cleaned_data
        question = Question.objects.filter(slug=data["next_question"]).first()
        services.review_save(
            share=share,
            attempt=attempt,
            rating=data["rating"],
            summary=data["summary"],
            next_question=question,
        )
        messages.success(request, "Review saved.")
    return redirect(f"/mentoring/shared/{share.pk}/#answer-{attempt.pk}")


@require_POST
@login_required
def comment_add(request: HttpRequest, pk: int, attempt_pk: int) -> HttpResponse:
    me, share, attempt = _shared_answer(request, pk, attempt_pk)
    form = CommentForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Write a comment.")
        return redirect(f"/mentoring/shared/{share.pk}/#answer-{attempt.pk}")
    reply_to = None
    if form.cleaned_data["reply_to"]:
        reply_to = get_object_or_404(
            policy.comments_visible_to(me).filter(review__attempt=attempt, review__share=share),
            pk=form.cleaned_data["reply_to"],
        )
    try:
        comment: AnswerComment = services.comment_add(
            share=share,
            attempt=attempt,
            author=me,
            sentence=form.cleaned_data["sentence"] or 0,
            text=form.cleaned_data["text"],
            reply_to=reply_to,
        )
    except ValidationError as exc:
        _errors(request, exc)
        return redirect(f"/mentoring/shared/{share.pk}/#answer-{attempt.pk}")
    return redirect(f"/mentoring/shared/{share.pk}/#sentence-{attempt.pk}-{comment.sentence}")
