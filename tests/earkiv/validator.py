"""eark-validator, offline: its vocabularies come from the copies the package ships.

On import the validator downloads four CSIP vocabularies from earkcsip.dilcis.eu
(``ipxml/schematron.py``); the same files are in its ``ipxml/resources/vocabs``. The test
machine (and a kommun's CI) has no internet, so the download is answered from those copies.
"""

from __future__ import annotations

import io
import urllib.request
from pathlib import Path
from typing import Any
from unittest import mock

from importlib_resources import files

VOCABULARIES = "https://earkcsip.dilcis.eu/schema/"


def _offline_urlopen(url: str, *args: Any, **kwargs: Any) -> Any:
    if isinstance(url, str) and url.startswith(VOCABULARIES):
        from eark_validator.ipxml.resources import vocabs

        path = Path(str(files(vocabs).joinpath(url.removeprefix(VOCABULARIES))))
        return io.BytesIO(path.read_bytes())
    raise OSError(f"no network in tests: {url}")


with mock.patch.object(urllib.request, "urlopen", _offline_urlopen):
    import eark_validator.ipxml.schematron  # noqa: F401  (reads the vocabularies once)
    from eark_validator.model.validation_report import Severity
    from eark_validator.packages import PackageValidator


# eark-validator 1.1.3 (profiles 2.0.4 and 2.1.0) asks in SIP14 for an unqualified @NOTETYPE
# on every note of a CREATOR agent, while CSIP15/16 require the software agent (the only kind
# of CREATOR that CSIP12 allows) to have one note with csip:NOTETYPE="SOFTWARE VERSION", and
# the METS schema it also applies refuses an unqualified attribute on mets:note. No package
# can satisfy all three; SIP 2.1 itself specifies csip:NOTETYPE, which the package follows.
VALIDATOR_FAULTS = {"SIP14"}


def report_errors(package: Path) -> list[tuple[str, str]]:
    """(rule, message and location) of every ERROR the validator reports for ``package``."""
    report = PackageValidator(package).validation_report
    messages = list(report.structure.messages)
    if report.metadata is not None:
        messages += report.metadata.schema_results.messages
        messages += report.metadata.schematron_results.messages
    return [
        (str(m.rule_id), f"{m.message} ({m.location})")
        for m in messages
        if m.severity == Severity.ERROR
    ]


def errors(package: Path) -> list[str]:
    """Every ERROR for ``package`` (a folder or an archive) but the validator's own fault."""
    return [
        f"{rule}: {text}" for rule, text in report_errors(package) if rule not in VALIDATOR_FAULTS
    ]


def package_type(package: Path) -> str:
    return str(PackageValidator(package).validation_report.package.details.oaispackagetype)
