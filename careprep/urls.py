from django.contrib import admin
from django.urls import include, path

from api.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("api/v1/", api.urls),
    path("", include("practice.urls")),
    path("", include("programmes.urls")),
    path("", include("mentoring.urls")),
    path("hiring/", include("hiring.urls")),
    path("", include("front.urls")),
]
