from django.urls import path

from . import admin_views, content_views, views

urlpatterns = [
    path("programmes/", views.my_organisations, name="programmes"),
    path("invitations/<str:token>/", views.invitation_page, name="invitation_accept"),
    path("programmes/<slug:slug>/", admin_views.dashboard, name="programme_dashboard"),
    path("programmes/<slug:slug>/export.csv", admin_views.export, name="programme_export"),
    path("programmes/<slug:slug>/sharing/", views.sharing, name="programme_sharing"),
    path("programmes/<slug:slug>/leave/<int:pk>/", views.leave, name="programme_leave"),
    path("programmes/<slug:slug>/invite/", admin_views.invite, name="programme_invite"),
    path("programmes/<slug:slug>/invite/csv/", admin_views.invite_bulk, name="programme_bulk"),
    path(
        "programmes/<slug:slug>/invitations/<int:pk>/withdraw/",
        admin_views.invitation_withdraw,
        name="programme_invitation_withdraw",
    ),
    path(
        "programmes/<slug:slug>/invitations/<int:pk>/resend/",
        admin_views.invitation_resend_view,
        name="programme_invitation_resend",
    ),
    path(
        "programmes/<slug:slug>/members/<int:pk>/role/",
        admin_views.member_role,
        name="programme_member_role",
    ),
    path(
        "programmes/<slug:slug>/members/<int:pk>/remove/",
        admin_views.member_remove,
        name="programme_member_remove",
    ),
    path(
        "programmes/<slug:slug>/cohorts/new/", admin_views.cohort_new, name="programme_cohort_new"
    ),
    path("programmes/<slug:slug>/questions/", content_views.questions, name="programme_questions"),
    path(
        "programmes/<slug:slug>/questions/<slug:question>/visibility/",
        content_views.question_visibility,
        name="programme_question_visibility",
    ),
    path(
        "programmes/<slug:slug>/questions/<slug:question>/delete/",
        content_views.question_delete,
        name="programme_question_delete",
    ),
    path(
        "programmes/<slug:slug>/cohorts/<slug:cohort>/archive/",
        admin_views.cohort_archive,
        name="programme_cohort_archive",
    ),
]
