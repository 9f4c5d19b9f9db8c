from django.contrib import admin

from .models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "target_role", "level", "interview_date")
    list_select_related = ("user", "target_role")
