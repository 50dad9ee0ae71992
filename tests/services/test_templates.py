"""Text templates: placeholders, the agency's file (and its site-config replacement, also when
broken), personal templates in the vault."""

from __future__ import annotations

from datetime import datetime

import pytest

from outreach_desktop import paths
from outreach_desktop.domain.people import Client
from outreach_desktop.services.session import Session
from outreach_desktop.services.templates import fill

MET = datetime(2026, 11, 20, 9, 30)


def test_fill_keeps_unknown_placeholders_and_stray_braces() -> None:
    values = {"client": "Ute Voß", "date": "20.11.2026"}
    assert fill("{client} am {date}", values) == "Ute Voß am 20.11.2026"
    assert fill("{client} {unbekannt}", values) == "Ute Voß {unbekannt}"
    assert fill("Klammer { offen", values) == "Klammer { offen"
    assert fill("{0} und {}", values) == "{0} und {}"
    assert fill("{z.B. Bewerbung} {client.x} {client!r}", values) == (
        "{z.B. Bewerbung} {client.x} {client!r}"
    )
    assert fill("{client:>999999999}", values) == "{client:>999999999}"  # no format specs
    assert fill("{{client}}", values) == "{Ute Voß}"


def test_render_from_the_protocol(session: Session) -> None:
    client = session.clients.save(Client(display_name="Ute Voß"))
    owner = session.owner().id  # type: ignore[union-attr]
    draft = session.protocols.begin(MET, client_id=client.id, met_at=MET, staff_ids=[owner])
    draft.place = "Stadtpark\nEingang Nord"
    service = session.templates()
    template = next(t for t in service.for_field("course") if "{client}" in t.body)
    text = service.render(template, draft)
    assert "Ute Voß" in text and "20.11.2026" in text and "09:30" in text
    assert "Stadtpark, Eingang Nord" in text and "{" not in text


def test_personal_templates_are_kept_in_the_vault(session: Session) -> None:
    service = session.templates()
    agency = service.for_field("agreements")
    mine = service.add_personal("agreements", "Rückruf", "Mündlich: Rückruf am {date}.")
    again = session.templates().for_field("agreements")
    assert again[: len(agency)] == agency and again[-1].title == "Rückruf" and again[-1].personal
    service.delete_personal(mine.id)
    assert session.templates().for_field("agreements") == agency


def test_site_config_replaces_the_agency_templates(session: Session) -> None:
    folder = paths.site_config_dir() / "templates"
    folder.mkdir(parents=True)
    (folder / "protocol.toml").write_text(
        '[[templates]]\nfield = "course"\ntitle = "Dienststelle"\nbody = "Text der Stelle"\n',
        encoding="utf-8",
    )
    service = session.templates()
    assert [t.title for t in service.for_field("course")] == ["Dienststelle"]
    assert service.problem == ""


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ('[[templates]]\nfield = "course"\ntitle = "x"\nbody = "unclosed\n', "Zeile 4"),
        ('[[templates]]\nfield = "course"\n', "field, title und body"),
        (b"\xff\xfe kaputt", "nicht lesbar"),
    ],
)
def test_broken_site_templates_are_reported_and_built_in_used(
    session: Session, content: str | bytes, where: str
) -> None:
    folder = paths.site_config_dir() / "templates"
    folder.mkdir(parents=True)
    target = folder / "protocol.toml"
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8")
    service = session.templates()
    assert where in service.problem and "protocol.toml" in service.problem
    assert "Walk and Talk – Einstieg" in [t.title for t in service.for_field("course")]
