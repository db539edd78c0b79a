from tests.access import Case, only, statuses


def cases(world):  # type: ignore[no-untyped-def]
    lead_or_admin = only({"lead": 200, "admin": 200, "outsider": 200})
    return [
        Case("dashboard", statuses(200)),
        Case("login", statuses(302, anonymous=200)),
        Case("logout", statuses(302, anonymous=302), method="post"),
        Case("password_change", statuses(200)),
        Case("password_change_done", statuses(200)),
        Case("password_reset", statuses(200, anonymous=200)),
        Case("password_reset_done", statuses(200, anonymous=200)),
        Case(
            "password_reset_confirm",
            statuses(200, anonymous=200),
            kwargs={"uidb64": "MQ", "token": "x-y"},
        ),
        Case("password_reset_complete", statuses(200, anonymous=200)),
        Case("otp_setup", statuses(200)),
        Case("otp_verify", statuses(200)),
        Case(
            "switch_verksamhet",
            statuses(302),
            method="post",
            data={"verksamhet": world.verksamhet.pk},
        ),
        Case("history_recent", lead_or_admin),
        Case(
            "history_object",
            only({"lead": 200, "admin": 200}, outsider=404),
            kwargs={"label": "core.organisation", "pk": world.orgs["fk"].pk},
        ),
        Case("accessibility", statuses(200, anonymous=200)),
        Case("health", statuses(200, anonymous=200)),
        Case("admin:index", statuses(302)),
        Case("admin:core_user_changelist", statuses(302)),
    ]
