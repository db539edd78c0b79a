"""Django admin for system operators (superusers): reference data, services, users, roles."""

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest
from django_otp.admin import OTPAdminSite
from simple_history.admin import SimpleHistoryAdmin

from core.models import AccessLog, Kommun, Organisation, RoleAssignment, User, Verksamhet

# A superuser's password alone must not open the admin: only a session verified by a
# second factor passes (the login form asks for the code). The class is swapped on the
# default site so that every app's admin.register() keeps working.
admin.site.__class__ = OTPAdminSite


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    fk_name = "user"
    extra = 0


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    inlines = [RoleInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Personuppgifter", {"fields": ("first_name", "last_name")}),
        ("Behörighet", {"fields": ("is_active", "is_staff", "is_superuser")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


@admin.register(Verksamhet)
class VerksamhetAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "form", "huvudman"]
    filter_horizontal = ["kommuner"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "type", "verksamhet", "active"]
    list_filter = ["type", "verksamhet"]


@admin.register(Kommun)
class KommunAdmin(admin.ModelAdmin):
    list_display = ["kod", "name", "lan_name"]
    search_fields = ["kod", "name"]


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "action", "object_type", "object_id", "what"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
