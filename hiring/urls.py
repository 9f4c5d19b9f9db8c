from django.urls import path

from . import views, views_people

app_name = "hiring"

urlpatterns = [
    path("", views.hiring_home, name="home"),
    path("glossary/", views.glossary, name="glossary"),
    path("kits/new/", views.kit_new, name="kit_new"),
    path("kits/<int:pk>/", views.kit_detail, name="kit"),
    path("kits/<int:pk>/competencies/", views.kit_competency_add, name="kit_competency_add"),
    path("kits/<int:pk>/publish/", views.kit_publish, name="kit_publish"),
    path("kits/<int:pk>/new-version/", views.kit_new_version, name="kit_new_version"),
    path("kits/<int:pk>/kit.pdf", views.kit_pdf, name="kit_pdf"),
    path("kits/<int:pk>/kit.yaml", views.kit_yaml, name="kit_yaml"),
    path("competencies/<int:pk>/weight/", views.kit_competency_weigh, name="kit_competency_weigh"),
    path(
        "competencies/<int:pk>/remove/", views.kit_competency_remove, name="kit_competency_remove"
    ),
    path("competencies/<int:pk>/questions/", views.kit_question_add, name="kit_question_add"),
    path("questions/<int:pk>/edit/", views.kit_question_edit, name="kit_question_edit"),
    path("questions/<int:pk>/remove/", views.kit_question_remove, name="kit_question_remove"),
    path("candidates/new/", views_people.candidate_new, name="candidate_new"),
    path("candidates/<int:pk>/", views_people.candidate_detail, name="candidate"),
    path("candidates/<int:pk>/stage/", views_people.candidate_stage, name="candidate_stage"),
    path("candidates/<int:pk>/erase/", views_people.candidate_erase, name="candidate_erase"),
    path("candidates/<int:pk>/interviews/new/", views_people.interview_new, name="interview_new"),
    path("candidates/<int:pk>/debrief/", views_people.debrief, name="debrief"),
    path("interviews/<int:pk>/", views_people.interview_detail, name="interview"),
    path("calibration/", views_people.calibration_own, name="calibration_own"),
    path("calibration/<slug:slug>/", views_people.calibration_panel, name="calibration_panel"),
]
