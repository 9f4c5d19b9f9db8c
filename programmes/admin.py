"""Organisations, cohorts and memberships in the Django admin (for the install's operators).
A programme share is shown read-only: only the candidate turns an item on or off."""

from django.contrib import admin
from django.http import HttpRequest

from .models import Cohort, Invitation, Membership, Organisation, ProgrammeShare


class CohortInline(admin.TabularInline):
    model = Cohort
    extra = 0
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "jurisdiction", "retention_days", "created_at")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [CohortInline]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ("name", "organisation", "starts_on", "ends_on", "archived")
    list_filter = ("organisation", "archived")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "role", "cohort", "created_at")
    list_filter = ("organisation", "role")
    search_fields = ("user__username", "user__email")
    autocomplete_fields = ("user",)
    list_select_related = ("user", "organisation", "cohort")


@admin.register(ProgrammeShare)
class ProgrammeShareAdmin(admin.ModelAdmin):
    list_display = (
        "user",
        "organisation",
        "practice_count",
        "mock_interviews",
        "interview_date",
        "competency_averages",
        "updated_at",
    )
    list_filter = ("organisation",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Invitations are made from the programme pages (which mail the link); here they are
    listed and can be withdrawn. The token is never stored, only its digest, which is hidden."""

    list_display = ("email", "organisation", "role", "cohort", "expires_at", "used_at", "revoked")
    list_filter = ("organisation", "role", "revoked")
    search_fields = ("email",)
    exclude = ("token_digest",)
    readonly_fields = (
        "organisation",
        "cohort",
        "cohort_name",
        "role",
        "email",
        "expires_at",
        "used_at",
        "used_by",
        "invited_by",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
