"""Optional login through the kommun's identity provider (OpenID Connect).

Switched on when OIDC_RP_CLIENT_ID is set (see settings/base.py). Users are never created
from the IdP: an administrator provisions them, and the IdP's verified e-mail claim is
matched to an existing, active account. Strong authentication at the IdP (SITHS, Freja eID)
counts as the second factor when OIDC_SATISFIES_OTP is on.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from core.models import User


class OmbudOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        email = (claims.get("email") or "").strip()
        if not email or claims.get("email_verified") is False:
            return User.objects.none()
        return User.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims: dict[str, Any]) -> None:  # type: ignore[override]
        """No self-registration: unknown e-mail addresses are refused."""
        return None

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        user = super().get_or_create_user(access_token, id_token, payload)
        request = getattr(self, "request", None)
        if user is not None and request is not None:
            request.session["auth_via_oidc"] = True
        return user
