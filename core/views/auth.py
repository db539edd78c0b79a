"""Login, logout, password and second-factor pages."""

from __future__ import annotations

import base64
from io import BytesIO
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import second_factor
from core.access import account_page, has_device, login_only, public, second_factor_passed
from core.forms import EmailAuthenticationForm, OtpTokenForm

login = public(
    auth_views.LoginView.as_view(
        authentication_form=EmailAuthenticationForm,
        redirect_authenticated_user=True,
        extra_context={
            "oidc_enabled": settings.OIDC_ENABLED,
            "oidc_label": getattr(settings, "OIDC_LOGIN_LABEL", ""),
        },
    )
)
logout = public(auth_views.LogoutView.as_view())
password_change = account_page(
    auth_views.PasswordChangeView.as_view(success_url=reverse_lazy("password_change_done"))
)
password_change_done = account_page(auth_views.PasswordChangeDoneView.as_view())
password_reset = public(auth_views.PasswordResetView.as_view())
password_reset_done = public(auth_views.PasswordResetDoneView.as_view())
password_reset_confirm = public(auth_views.PasswordResetConfirmView.as_view())
password_reset_complete = public(auth_views.PasswordResetCompleteView.as_view())


def _qr_svg(data: str) -> str:
    import qrcode
    import qrcode.image.svg

    img = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buf = BytesIO()
    img.save(buf)
    return "data:image/svg+xml;base64," + base64.b64encode(buf.getvalue()).decode()


@login_only
def otp_setup(request: HttpRequest) -> HttpResponse:
    """Enrol an authenticator app: show the QR code, confirm with one code, hand out recovery codes.

    Once the user has a second factor, only a session that has given it may add another
    device (and so replace the recovery codes): a password alone must not replace the phone.
    """
    user = request.user
    if has_device(user) and not second_factor_passed(request):
        return redirect(f"{reverse('otp_verify')}?{urlencode({'next': reverse('otp_setup')})}")
    device = second_factor.pending_app(user=user, session=request.session)
    form = OtpTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if second_factor.code_matches(device, form.cleaned_data["token"].strip()):
            codes = second_factor.app_enrol(device=device, session=request.session, by=user)
            otp_login(request, device)
            return render(request, "registration/otp_recovery_codes.html", {"codes": codes})
        form.add_error(
            "token", _("The code did not match. Check the time on your phone and try again.")
        )
    return render(
        request,
        "registration/otp_setup.html",
        {
            "form": form,
            "qr": _qr_svg(device.config_url),
            "secret": base64.b32encode(device.bin_key).decode(),
        },
    )


@login_only
def otp_verify(request: HttpRequest) -> HttpResponse:
    """Second step of login for users with a confirmed device (app code or recovery code)."""
    form = OtpTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].strip()
        for device in list(TOTPDevice.objects.filter(user=request.user, confirmed=True)) + list(
            StaticDevice.objects.filter(user=request.user, confirmed=True)
        ):
            if device.verify_token(token):
                otp_login(request, device)
                return redirect(_local_next(request) or "dashboard")
        form.add_error("token", _("The code is wrong or has expired."))
    return render(request, "registration/otp_verify.html", {"form": form})


def _local_next(request: HttpRequest) -> str:
    """``?next=`` when it stays on this site (the check Django's login view makes)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if safe else ""


@require_POST
@login_only
def switch_verksamhet(request: HttpRequest) -> HttpResponse:
    try:
        chosen = int(request.POST.get("verksamhet", ""))
    except ValueError:
        chosen = 0
    if any(v.pk == chosen for v in getattr(request, "available_verksamheter", [])):
        request.session["verksamhet_id"] = chosen
        messages.success(request, _("Switched PO service."))
    return redirect("dashboard")
