"""The Django admin for mentoring: organisation settings and adaptations only. People's own
records (journal, shares, reviews, sessions) are not listed here: they are read through the
permission policy, never by browsing the admin."""

from django.contrib import admin

from .models import LocalResource, LocalStep, MentoringPolicy, MentorProfile


@admin.register(LocalStep)
class LocalStepAdmin(admin.ModelAdmin):
    list_display = ["text", "organisation", "stage", "kind"]
    list_filter = ["organisation", "stage"]


@admin.register(LocalResource)
class LocalResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "step", "url"]
    list_filter = ["organisation"]


@admin.register(MentoringPolicy)
class MentoringPolicyAdmin(admin.ModelAdmin):
    list_display = ["organisation", "mentors_per_partner"]


@admin.register(MentorProfile)
class MentorProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "niche", "capacity", "accepting"]
    list_filter = ["organisation", "accepting"]
