from django.contrib import admin

from .models import Profile
from .two_factor_views import admin_login

# The admin logs in through the same two steps (password, then code) as the site.
admin.site.login = admin_login  # type: ignore[method-assign,assignment]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "target_role", "level", "interview_date")
    list_select_related = ("user", "target_role")
