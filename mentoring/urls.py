from django.urls import path

from . import views, views_pairing

urlpatterns = [
    path("mentoring/", views.pathway_page, name="mentoring"),
    path("mentoring/steps/<str:key>/", views.step_update, name="step_update"),
    path("mentoring/goals/", views.goal_add, name="goal_add"),
    path("mentoring/goals/<int:pk>/close/", views.goal_close, name="goal_close"),
    path("mentoring/partners/<int:partner_id>/", views.mentee_pathway, name="mentee_pathway"),
    path("mentoring/partners/<int:partner_id>/assess/", views.stage_assess, name="stage_assess"),
    path("mentoring/journal/", views.journal_list, name="journal"),
    path("mentoring/journal/new/<slug:framework>/", views.journal_new, name="journal_new"),
    path("mentoring/journal/<int:pk>/", views.journal_entry, name="journal_entry"),
    path("mentoring/journal/<int:pk>/share/", views.journal_share, name="journal_share"),
    path("mentoring/portfolio.pdf", views.portfolio_download, name="portfolio_pdf"),
    path("mentoring/organisations/<slug:slug>/pathway/", views.pathway_adapt, name="pathway_adapt"),
    path("mentoring/mentors/", views_pairing.mentor_list, name="mentors"),
    path(
        "mentoring/mentors/<int:mentor_id>/request/",
        views_pairing.pairing_request,
        name="pairing_request",
    ),
    path("mentoring/profile/", views_pairing.mentor_profile, name="mentor_profile"),
    path("mentoring/pairings/<int:pk>/", views_pairing.pairing_page, name="pairing"),
    path(
        "mentoring/pairings/<int:pk>/feedback/",
        views_pairing.pairing_feedback,
        name="pairing_feedback",
    ),
    path("mentoring/pairings/<int:pk>/sessions/", views_pairing.session_add, name="session_add"),
    path(
        "mentoring/pairings/<int:pk>/<slug:action>/",
        views_pairing.pairing_action,
        name="pairing_action",
    ),
    path("mentoring/sessions/<int:pk>/adopt/", views_pairing.session_adopt, name="session_adopt"),
    path("mentoring/shared/", views_pairing.practice_shares, name="practice_shares"),
    path("mentoring/attempts/<int:pk>/share/", views_pairing.attempt_share, name="attempt_share"),
    path("mentoring/shared/<int:pk>/", views_pairing.share_review, name="share_review"),
    path(
        "mentoring/shared/<int:pk>/answers/<int:attempt_pk>/review/",
        views_pairing.review_save,
        name="review_save",
    ),
    path(
        "mentoring/shared/<int:pk>/answers/<int:attempt_pk>/comments/",
        views_pairing.comment_add,
        name="comment_add",
    ),
]
