"""The package's metadata files: Dublin Core per document, PREMIS, the Swedish read-me."""

from __future__ import annotations

import datetime
from xml.sax.saxutils import escape

from django.utils import timezone
from lxml import etree

from core.models import Document, Verksamhet

XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
PREMIS_NS = "http://www.loc.gov/premis/v3"
DC_NS = "http://purl.org/dc/elements/1.1/"
SOFTWARE = "Ombud"
SOFTWARE_VERSION = "1"

KIND_SV: dict[str, str] = {
    Document.Kind.PROTOKOLL: "Protokoll",
    Document.Kind.APPLICATION: "Ansökan om statsbidrag",
    Document.Kind.REDOVISNING: "Redovisning av statsbidrag",
}
EVENT_SV: dict[str, str] = {
    Document.Kind.PROTOKOLL: "Protokollet justerades och låstes",
    Document.Kind.APPLICATION: "Ansökan lämnades in och frystes",
    Document.Kind.REDOVISNING: "Redovisningen lämnades in och frystes",
}


def iso(moment: datetime.datetime) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds")


def dublin_core(document: Document, verksamhet: Verksamhet) -> bytes:
    fields = [
        ("title", document.title),
        ("date", document.date.isoformat()),
        ("creator", verksamhet.name),
        ("publisher", verksamhet.huvudman.name),
        ("type", KIND_SV.get(document.kind, document.kind)),
        ("format", document.content_type),
        ("language", "sv"),
        ("source", f"representations/rep1/data/{document.file_name}"),
    ]
    if document.diarienummer:
        fields.append(("identifier", f"Diarienummer {document.diarienummer}"))
    body = "".join(f"  <dc:{name}>{escape(value)}</dc:{name}>\n" for name, value in fields)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<metadata xmlns:dc="{DC_NS}">\n{body}</metadata>\n'
    ).encode()


def premis(documents: list[Document], verksamhet: Verksamhet, paths: dict[int, str]) -> bytes:
    p = f"{{{PREMIS_NS}}}"
    root = etree.Element(p + "premis", nsmap={"premis": PREMIS_NS, "xsi": XSI_NS}, version="3.0")

    def sub(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
        element = etree.SubElement(parent, p + tag)
        if text is not None:
            element.text = text
        return element

    for document in documents:
        path = paths[document.pk]
        obj = sub(root, "object")
        obj.set(f"{{{XSI_NS}}}type", "premis:file")
        ident = sub(obj, "objectIdentifier")
        sub(ident, "objectIdentifierType", "local")
        sub(ident, "objectIdentifierValue", path)
        chars = sub(obj, "objectCharacteristics")
        fixity = sub(chars, "fixity")
        sub(fixity, "messageDigestAlgorithm", "SHA-256")
        sub(fixity, "messageDigest", document.sha256)
        sub(fixity, "messageDigestOriginator", SOFTWARE)
        sub(chars, "size", str(document.size))
        fmt = sub(chars, "format")
        designation = sub(fmt, "formatDesignation")
        sub(designation, "formatName", "Portable Document Format")
        registry = sub(fmt, "formatRegistry")
        sub(registry, "formatRegistryName", "PRONOM")
        sub(registry, "formatRegistryKey", "fmt/276")  # PDF 1.7, what WeasyPrint writes
        sub(obj, "originalName", document.file_name)
        link = sub(obj, "linkingEventIdentifier")
        sub(link, "linkingEventIdentifierType", "local")
        sub(link, "linkingEventIdentifierValue", f"event-{document.pk}")
    for document in documents:
        event = sub(root, "event")
        ident = sub(event, "eventIdentifier")
        sub(ident, "eventIdentifierType", "local")
        sub(ident, "eventIdentifierValue", f"event-{document.pk}")
        sub(event, "eventType", "creation")
        sub(event, "eventDateTime", iso(document.created_at))
        detail = sub(event, "eventDetailInformation")
        sub(detail, "eventDetail", EVENT_SV.get(document.kind, document.kind))
        outcome = sub(event, "eventOutcomeInformation")
        sub(outcome, "eventOutcome", "success")
        agent = sub(event, "linkingAgentIdentifier")
        sub(agent, "linkingAgentIdentifierType", "local")
        sub(agent, "linkingAgentIdentifierValue", "agent-verksamhet")
        obj = sub(event, "linkingObjectIdentifier")
        sub(obj, "linkingObjectIdentifierType", "local")
        sub(obj, "linkingObjectIdentifierValue", paths[document.pk])
    for ident_value, name, kind in (
        ("agent-verksamhet", verksamhet.name, "organization"),
        ("agent-software", f"{SOFTWARE} {SOFTWARE_VERSION}", "software"),
    ):
        agent = sub(root, "agent")
        ident = sub(agent, "agentIdentifier")
        sub(ident, "agentIdentifierType", "local")
        sub(ident, "agentIdentifierValue", ident_value)
        sub(agent, "agentName", name)
        sub(agent, "agentType", kind)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def readme(verksamhet: Verksamhet, year: int, documents: list[Document]) -> bytes:
    lines = [
        f"Leveranspaket (E-ARK SIP, FGS Paketstruktur) från {verksamhet.name}, år {year}.",
        "",
        "Paketet innehåller de allmänna handlingar som verksamheten med personligt ombud",
        "har upprättat under året: justerade protokoll från ledningsgruppen samt ansökan",
        "om och redovisning av statsbidrag, som PDF i representations/rep1/data/.",
        "Varje handlings kontrollsumma (SHA-256) står i METS.xml och i",
        "metadata/preservation/premis.xml; beskrivande metadata (Dublin Core) finns i",
        "metadata/descriptive/.",
        "",
        f"Antal handlingar: {len(documents)}",
    ]
    lines += [f"- {d.date:%Y-%m-%d} {d.title} ({d.file_name})" for d in documents]
    return ("\n".join(lines) + "\n").encode()
