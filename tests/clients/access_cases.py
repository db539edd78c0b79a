"""Access matrix for clients: list URLs are 403 for roles without client access; every client
URL is 404 for them (and for outsiders), as if the record did not exist."""

from clients.models import UppdragStatus
from tests.access import Case, only

from .factories import client_of, full_client

LISTS = only({"ombud": 200, "lead": 200, "admin": 200, "outsider": 200})
LEAD_LISTS = only({"lead": 200, "admin": 200, "outsider": 200})
OBJECT = only({"ombud": 200, "lead": 200, "admin": 200}, denied=404)


def cases(world):  # type: ignore[no-untyped-def]
    f = full_client(world, world.ombud_anna)
    pk = f["client"].pk
    waiting = client_of(world, status=UppdragStatus.WAITING)
    omars = client_of(world, world.ombud_omar)
    c = {"pk": pk}
    result = [
        Case("clients:list", LISTS),
        Case("clients:list", LISTS, query="q=Klient&status=open&group=2"),
        Case("clients:waiting", LISTS),
        Case("clients:per_ombud", LEAD_LISTS),
        Case("clients:create", LISTS),
        Case("clients:create", LISTS, method="post", data={}),
        Case("clients:tasks", LISTS),
        Case("clients:task_create", LISTS),
        Case("clients:task_create", LISTS, method="post", data={}),
        Case(
            "clients:task_done",
            only({"ombud": 302}, outsider=404) | {"lead": 404, "admin": 404},
            kwargs={"tpk": f["task"].pk},
        ),
        # The waiting list: the ombud sees it but edits only after taking the client.
        Case("clients:detail", OBJECT, kwargs={"pk": waiting.pk}),
        Case("clients:edit", OBJECT | {"ombud": 403}, kwargs={"pk": waiting.pk}),
        # Another ombud's client: 404 for anna.
        Case("clients:detail", OBJECT | {"ombud": 404}, kwargs={"pk": omars.pk}),
        Case("clients:uppdrag", OBJECT | {"ombud": 404}, kwargs={"pk": omars.pk}),
    ]
    gets = [
        ("clients:detail", c),
        ("clients:edit", c),
        ("clients:history", c),
        ("clients:uppdrag", c),
        ("clients:uppdrag_advance", {**c, "step": "aktivt"}),
        ("clients:uppdrag_end", c),
        ("clients:uppdrag_reopen", c),
        ("clients:uppdrag_edit", {**c, "upk": f["uppdrag"].pk}),
        ("clients:handover", c),
        ("clients:consents", c),
        ("clients:consent_create", c),
        ("clients:consent_edit", {**c, "cpk": f["consent"].pk}),
        ("clients:consent_withdraw", {**c, "cpk": f["consent"].pk}),
        ("clients:fullmakt_create", c),
        ("clients:fullmakt_edit", {**c, "fpk": f["fullmakt"].pk}),
        ("clients:fullmakt_withdraw", {**c, "fpk": f["fullmakt"].pk}),
        ("clients:contacts", c),
        ("clients:contact_create", c),
        ("clients:contact_quick", c),
        ("clients:contact_strike", {**c, "cpk": f["contact"].pk}),
        ("clients:plan", c),
        ("clients:plan_edit", c),
        ("clients:plan_pdf", c),
        ("clients:agreement_pdf", c),
        ("clients:need_create", c),
        ("clients:need_edit", {**c, "npk": f["need"].pk}),
        ("clients:goal_create", c),
        ("clients:goal_edit", {**c, "gpk": f["goal"].pk}),
        ("clients:step_create", {**c, "gpk": f["goal"].pk}),
        ("clients:step_edit", {**c, "spk": f["step"].pk}),
    ]
    no_post = {"clients:detail", "clients:uppdrag", "clients:consents", "clients:contacts"}
    no_post |= {"clients:plan", "clients:plan_pdf", "clients:agreement_pdf", "clients:history"}
    for name, kwargs in gets:
        result.append(Case(name, OBJECT, kwargs=kwargs))
        if name not in no_post:
            # An empty form: errors shown (200) for those who may write, 404 for the rest.
            result.append(Case(name, OBJECT, kwargs=kwargs, method="post", data={}))
    # The change history of each kind of client record (lead and admin; shows client data).
    f["assignment"] = f["uppdrag"].assignments.get()
    records = ("client", "uppdrag", "assignment", "consent", "fullmakt", "contact", "need")
    for key in (*records, "plan", "goal", "step"):
        result.append(_history(f[key]))
    result.append(Case("history_recent", LEAD_LISTS, query="typ=clients.client"))
    return result


def _history(obj):  # type: ignore[no-untyped-def]
    return Case(
        "history_object",
        only({"lead": 200, "admin": 200}, outsider=404),
        kwargs={"label": obj._meta.label_lower, "pk": obj.pk},
    )
