from django.conf import settings
from django.http import HttpRequest

from questionbank.models import Role


def site(request: HttpRequest) -> dict:
    return {"site_name": settings.SITE_NAME, "nav_roles": Role.objects.all()}
