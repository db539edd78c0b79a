"""One E-ARK SIP per verksamhet and year: the kommun's e-arkiv takes it as it is.

Riksarkivet's FGS Paketstruktur is E-ARK CSIP/SIP (version 2.1) with Swedish profile
values. The package:

    <OBJID>/
      METS.xml                          the package: header, dmdSec, amdSec, fileSec, structMap
      metadata/descriptive/<n>.xml      Dublin Core of each document: title, date, verksamhet,
                                        kind, diarienummer where set
      metadata/preservation/premis.xml  PREMIS 3: one object per PDF (SHA-256, size, format),
                                        the event that froze it (justering, submission), agents
      representations/rep1/data/*.pdf   the stored PDFs, byte for byte
      schemas/                          the XML schemas METS.xml uses
      documentation/om-paketet.txt      what the package holds, in Swedish

Every file is listed in METS.xml with its size, creation time and SHA-256. The PDFs are read
through ``core.documents.read_document``: a damaged document stops the export instead of
being archived.
"""

from __future__ import annotations

import datetime
import hashlib
import shutil
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone
from lxml import etree

from core.documents import read_document
from core.models import Document, Verksamhet

from .metadata import SOFTWARE, SOFTWARE_VERSION, XSI_NS, dublin_core, iso, premis, readme

SCHEMAS = Path(__file__).parent / "schemas"
METS_NS = "http://www.loc.gov/METS/"
XLINK_NS = "http://www.w3.org/1999/xlink"
CSIP_NS = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS"
SIP_NS = "https://DILCIS.eu/XML/METS/SIPExtensionMETS"
NSMAP = {"mets": METS_NS, "xlink": XLINK_NS, "xsi": XSI_NS, "csip": CSIP_NS, "sip": SIP_NS}
SCHEMA_LOCATION = (
    f"{METS_NS} schemas/mets.xsd {XLINK_NS} schemas/xlink.xsd "
    f"{CSIP_NS} schemas/DILCISExtensionMETS.xsd {SIP_NS} schemas/DILCISExtensionSIPMETS.xsd"
)
PROFILE = "https://earksip.dilcis.eu/profile/E-ARK-SIP.xml"
CONTENT_TYPE = "Ombud: justerade protokoll, ansökningar och redovisningar av statsbidrag (PDF)"


def documents_of(*, verksamhet: Verksamhet, year: int) -> list[Document]:
    """The year's stored documents: the year of the date they were frozen on."""
    return list(
        Document.objects.filter(verksamhet=verksamhet, date__year=year).order_by("date", "pk")
    )


@dataclass
class Entry:
    """A file of the package, as METS lists it."""

    path: str  # relative to the package root, with /
    mimetype: str
    size: int
    sha256: str
    created: datetime.datetime
    ident: str


def _m(tag: str) -> str:
    return f"{{{METS_NS}}}{tag}"


def _x(tag: str) -> str:
    return f"{{{XLINK_NS}}}{tag}"


def _c(tag: str) -> str:
    return f"{{{CSIP_NS}}}{tag}"


class PackageWriter:
    def __init__(self, root: Path, created: datetime.datetime) -> None:
        self.root = root
        self.created = created
        self.entries: dict[str, Entry] = {}

    def write(self, path: str, data: bytes, mimetype: str, *, sha256: str | None = None) -> Entry:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        entry = Entry(
            path=path,
            mimetype=mimetype,
            size=len(data),
            sha256=sha256 or hashlib.sha256(data).hexdigest(),
            created=self.created,
            ident=f"ID-{uuid.uuid4()}",
        )
        self.entries[path] = entry
        return entry


def _file_element(parent: etree._Element, entry: Entry) -> None:
    element = etree.SubElement(
        parent,
        _m("file"),
        ID=entry.ident,
        MIMETYPE=entry.mimetype,
        SIZE=str(entry.size),
        CREATED=iso(entry.created),
        CHECKSUM=entry.sha256,
        CHECKSUMTYPE="SHA-256",
    )
    etree.SubElement(
        element, _m("FLocat"), LOCTYPE="URL", **{_x("type"): "simple", _x("href"): entry.path}
    )


def _md_ref(parent: etree._Element, entry: Entry, mdtype: str, **extra: str) -> None:
    etree.SubElement(
        parent,
        _m("mdRef"),
        LOCTYPE="URL",
        MDTYPE=mdtype,
        MIMETYPE=entry.mimetype,
        SIZE=str(entry.size),
        CREATED=iso(entry.created),
        CHECKSUM=entry.sha256,
        CHECKSUMTYPE="SHA-256",
        **extra,
        **{_x("type"): "simple", _x("href"): entry.path},
    )


def _mets(
    objid: str,
    verksamhet: Verksamhet,
    year: int,
    writer: PackageWriter,
    dmd: list[Entry],
    premis: Entry,
    data: list[Entry],
    schemas: list[Entry],
    docs: list[Entry],
) -> bytes:
    root = etree.Element(
        _m("mets"),
        nsmap=NSMAP,
        OBJID=objid,
        LABEL=f"Allmänna handlingar {verksamhet.name} {year}",
        TYPE="Textual works – Digital",
        PROFILE=PROFILE,
        **{
            _c("CONTENTINFORMATIONTYPE"): "OTHER",
            _c("OTHERCONTENTINFORMATIONTYPE"): CONTENT_TYPE,
            f"{{{XSI_NS}}}schemaLocation": SCHEMA_LOCATION,
        },
    )
    header = etree.SubElement(
        root,
        _m("metsHdr"),
        CREATEDATE=iso(writer.created),
        LASTMODDATE=iso(writer.created),
        RECORDSTATUS="NEW",
        **{_c("OAISPACKAGETYPE"): "SIP"},
    )
    archivist = etree.SubElement(header, _m("agent"), ROLE="ARCHIVIST", TYPE="ORGANIZATION")
    etree.SubElement(archivist, _m("name")).text = verksamhet.name
    owner = etree.SubElement(header, _m("agent"), ROLE="PRESERVATION", TYPE="ORGANIZATION")
    etree.SubElement(owner, _m("name")).text = verksamhet.huvudman.name
    software = etree.SubElement(
        header, _m("agent"), ROLE="CREATOR", TYPE="OTHER", OTHERTYPE="SOFTWARE"
    )
    etree.SubElement(software, _m("name")).text = SOFTWARE
    etree.SubElement(
        software,
        _m("note"),
        **{_c("NOTETYPE"): "SOFTWARE VERSION"},
    ).text = SOFTWARE_VERSION
    etree.SubElement(
        header, _m("altRecordID"), TYPE="REFERENCECODE"
    ).text = f"{verksamhet.slug}-{year}"

    dmd_ids = []
    for entry in dmd:
        ident = f"dmd-{entry.ident}"
        dmd_ids.append(ident)
        section = etree.SubElement(
            root, _m("dmdSec"), ID=ident, CREATED=iso(entry.created), STATUS="CURRENT"
        )
        _md_ref(section, entry, "DC")
    amd = etree.SubElement(root, _m("amdSec"))
    digiprov_id = f"digiprov-{premis.ident}"
    digiprov = etree.SubElement(amd, _m("digiprovMD"), ID=digiprov_id, STATUS="CURRENT")
    _md_ref(digiprov, premis, "PREMIS")

    file_sec = etree.SubElement(root, _m("fileSec"), ID=f"ID-{uuid.uuid4()}")
    groups: dict[str, str] = {}
    content_type = {
        _c("CONTENTINFORMATIONTYPE"): "OTHER",
        _c("OTHERCONTENTINFORMATIONTYPE"): CONTENT_TYPE,
    }
    for use, entries in (
        ("Documentation", docs),
        ("Schemas", schemas),
        ("Representations/rep1", data),
    ):
        group_id = f"ID-{uuid.uuid4()}"
        groups[use] = group_id
        group = etree.SubElement(file_sec, _m("fileGrp"), ID=group_id, USE=use, **content_type)
        if use.startswith("Representations"):
            group.set("ADMID", digiprov_id)
        for entry in entries:
            _file_element(group, entry)

    struct = etree.SubElement(
        root, _m("structMap"), ID=f"ID-{uuid.uuid4()}", TYPE="PHYSICAL", LABEL="CSIP"
    )
    top = etree.SubElement(struct, _m("div"), ID=f"ID-{uuid.uuid4()}", LABEL=objid)
    etree.SubElement(
        top,
        _m("div"),
        ID=f"ID-{uuid.uuid4()}",
        LABEL="Metadata",
        DMDID=" ".join(dmd_ids),
        ADMID=digiprov_id,
    )
    for label, use in (
        ("Documentation", "Documentation"),
        ("Schemas", "Schemas"),
        ("Representations", "Representations/rep1"),
    ):
        div = etree.SubElement(top, _m("div"), ID=f"ID-{uuid.uuid4()}", LABEL=label)
        etree.SubElement(div, _m("fptr"), FILEID=groups[use])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_package(*, verksamhet: Verksamhet, year: int, output: Path) -> Path:
    """Write the year's SIP as a folder in ``output``; returns the package folder."""
    documents = documents_of(verksamhet=verksamhet, year=year)
    objid = f"uuid-{uuid.uuid4()}"
    root = output / objid
    root.mkdir(parents=True)
    writer = PackageWriter(root, timezone.now())
    data: list[Entry] = []
    files: dict[int, Entry] = {}
    for document in documents:
        content = read_document(document)  # DocumentCorrupt stops the export
        entry = writer.write(
            f"representations/rep1/data/{document.file_name}",
            content,
            document.content_type,
            sha256=document.sha256,
        )
        data.append(entry)
        files[document.pk] = entry
    dmd = [
        writer.write(
            f"metadata/descriptive/{n:03d}-{Path(d.file_name).stem}.xml",
            dublin_core(d, verksamhet),
            "text/xml",
        )
        for n, d in enumerate(documents, start=1)
    ]
    premis_entry = writer.write(
        "metadata/preservation/premis.xml",
        premis(documents, verksamhet, {pk: e.path for pk, e in files.items()}),
        "text/xml",
    )
    schemas = [
        writer.write(f"schemas/{path.name}", path.read_bytes(), "text/xml")
        for path in sorted(SCHEMAS.glob("*.xsd"))
    ]
    docs = [
        writer.write(
            "documentation/om-paketet.txt", readme(verksamhet, year, documents), "text/plain"
        )
    ]
    mets = _mets(objid, verksamhet, year, writer, dmd, premis_entry, data, schemas, docs)
    (root / "METS.xml").write_bytes(mets)
    return root


def zip_package(folder: Path, target: Path) -> Path:
    """The package folder as one zip file (the folder's name is its top-level entry)."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder.name}/{path.relative_to(folder).as_posix()}")
    return target


def remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
