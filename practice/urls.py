from django.urls import path

from . import erasure_views, llm_views, views

urlpatterns = [
    path("practice/", views.practice_home, name="practice"),
    path("practice/random/", views.practice_random, name="practice_random"),
    path("practice/own/", views.practice_own, name="practice_own"),
    path("practice/ai-reviewer/", llm_views.reviewer_consent, name="reviewer_consent"),
    path("practice/<slug:slug>/", views.practice_question, name="practice_question"),
    path("attempts/<int:pk>/", views.attempt_detail, name="attempt"),
    path("attempts/<int:pk>/review/", views.attempt_review, name="attempt_review"),
    path("attempts/<int:pk>/ai-review/", llm_views.attempt_llm, name="attempt_llm"),
    path("attempts/<int:pk>/delete/", erasure_views.attempt_delete_confirm, name="attempt_delete"),
    path("progress/", views.progress, name="progress"),
    path("plan/", views.plan, name="plan"),
    path("plan.ics", views.plan_calendar, name="plan_ics"),
    path("mock/", views.mock_new, name="mock_new"),
    path("mock/<int:pk>/", views.mock_detail, name="mock"),
    path("mock/<int:pk>/wait/", views.mock_wait, name="mock_wait"),
    path("mock/<int:pk>/finish/", views.mock_end, name="mock_finish"),
    path("mock/<int:pk>/report/", views.mock_report_page, name="mock_report"),
    path("mock/<int:pk>/report.pdf", views.mock_report_download, name="mock_report_pdf"),
    path("mock/<int:pk>/delete/", erasure_views.mock_delete_confirm, name="mock_delete"),
    path("roles/<slug:slug>/guide.pdf", views.guide_download, name="guide_pdf"),
]
