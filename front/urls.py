from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("roles/<slug:slug>/", views.role_detail, name="role"),
    path("questions/", views.question_search, name="questions"),
    path("questions/<slug:slug>/", views.question_page, name="question"),
    path("competencies/", views.competency_list, name="competencies"),
    path("favicon.ico", views.favicon, name="favicon"),
]
