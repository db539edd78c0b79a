"""Writing a registerutdrag: render the PDF and log that the record was printed."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import log_access
from core.models import AccessLog
from core.pdf import render_pdf
from dataprotection.selectors.registerutdrag import registerutdrag_content

TEMPLATE = "dataprotection/pdf/registerutdrag.html"


@transaction.atomic
def registerutdrag_pdf(
    *, client: Any, by: Any, action: str = AccessLog.Action.PDF, path: str = ""
) -> bytes:
    """The PDF of everything held about ``client``; writes one access-log row."""
    content = registerutdrag_content(client)
    data = render_pdf(
        TEMPLATE,
        {"utdrag": content},
        title=_("Registerutdrag for %(alias)s") % {"alias": client.alias},
    )
    log_access(
        user=by,
        obj=client,
        verksamhet_id=client.verksamhet_id,
        action=action,
        what="registerutdrag",
        path=path,
    )
    return data
