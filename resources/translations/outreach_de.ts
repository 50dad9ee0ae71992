<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>About</name>
    <message>
        <source>Outreach Desktop {version}</source>
        <translation>Outreach Desktop {version}</translation>
    </message>
    <message>
        <source>Outreach counselling for Jobcenters: offline, encrypted, in German and English.</source>
        <translation>Aufsuchende Beratung für Jobcenter: offline, verschlüsselt, auf Deutsch und Englisch.</translation>
    </message>
    <message>
        <source>Licence: EUPL-1.2 (European Union Public Licence).</source>
        <translation>Lizenz: EUPL-1.2 (Europäische Union Public Licence).</translation>
    </message>
    <message>
        <source>Fonts in printed documents: DejaVu Sans (Bitstream Vera licence), Noto Naskh Arabic (SIL Open Font License 1.1).</source>
        <translation>Schriften in gedruckten Dokumenten: DejaVu Sans (Bitstream-Vera-Lizenz), Noto Naskh Arabic (SIL Open Font License 1.1).</translation>
    </message>
    <message>
        <source>Built with Qt {qt} and PySide6 {pyside} (LGPL-3.0), SQLCipher, reportlab and age.</source>
        <translation>Gebaut mit Qt {qt} und PySide6 {pyside} (LGPL-3.0), SQLCipher, reportlab und age.</translation>
    </message>
    <message>
        <source>Site configuration: none installed ({folder}).</source>
        <translation>Standortkonfiguration: keine installiert ({folder}).</translation>
    </message>
    <message>
        <source>Site configuration: {folder} – {used} file(s) used, {broken} broken.</source>
        <translation>Standortkonfiguration: {folder} – {used} Datei(en) verwendet, {broken} fehlerhaft.</translation>
    </message>
    <message>
        <source>No vault is open.</source>
        <translation>Kein Tresor geöffnet.</translation>
    </message>
    <message>
        <source>Open vault: schema version {schema}.</source>
        <translation>Geöffneter Tresor: Schemaversion {schema}.</translation>
    </message>
    <message>
        <source>About Outreach Desktop</source>
        <translation>Über Outreach Desktop</translation>
    </message>
</context>
<context>
    <name>AddendumDialog</name>
    <message>
        <source>Addendum</source>
        <translation>Nachtrag</translation>
    </message>
    <message>
        <source>The protocol stays as it was; the addendum is shown with it.</source>
        <translation>Das Protokoll bleibt, wie es ist; der Nachtrag wird mit ihm gezeigt.</translation>
    </message>
    <message>
        <source>&amp;Addendum</source>
        <translation>&amp;Nachtrag</translation>
    </message>
</context>
<context>
    <name>AgencyBox</name>
    <message>
        <source>Agency setup file</source>
        <translation>Einrichtungsdatei der Dienststelle</translation>
    </message>
    <message>
        <source>Setup file (*.json);;All files (*)</source>
        <translation>Einrichtungsdatei (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Dienststelle</translation>
    </message>
    <message>
        <source>Agency and device keys</source>
        <translation>Dienststelle und Geräteschlüssel</translation>
    </message>
    <message>
        <source>Read the agency&apos;s setup &amp;file…</source>
        <translation>Einrichtungsdatei der Dienststelle ei&amp;nlesen …</translation>
    </message>
    <message>
        <source>Role: {role}</source>
        <translation>Rolle: {role}</translation>
    </message>
    <message>
        <source>office station</source>
        <translation>Bürotresor</translation>
    </message>
    <message>
        <source>laptop (field work)</source>
        <translation>Laptop (Außendienst)</translation>
    </message>
    <message>
        <source>Device key: {fingerprint}</source>
        <translation>Geräteschlüssel: {fingerprint}</translation>
    </message>
    <message>
        <source>Agency key: {fingerprint}</source>
        <translation>Schlüssel der Dienststelle: {fingerprint}</translation>
    </message>
    <message>
        <source>Not joined to an agency yet: nothing can be handed over.</source>
        <translation>Noch keiner Dienststelle beigetreten: Übergaben ans Büro sind noch nicht möglich.</translation>
    </message>
    <message>
        <source>Agency: {name}, key {fingerprint}, joined {when}</source>
        <translation>Dienststelle: {name}, Schlüssel {fingerprint}, beigetreten am {when}</translation>
    </message>
    <message>
        <source>Set by the agency: {calls} failed calls before a home visit is announced; acknowledged records are deleted here {days} days after the receipt.</source>
        <translation>Von der Dienststelle festgelegt: {calls} erfolglose Anrufversuche, bevor ein Hausbesuch angekündigt wird; übernommene Daten werden hier {days} Tage nach der Quittung gelöscht.</translation>
    </message>
    <message>
        <source>Join agency</source>
        <translation>Der Dienststelle beitreten</translation>
    </message>
    <message>
        <source>Setup file of “{name}”.

Key fingerprint: {fingerprint}

Compare it with the fingerprint the agency told you (by phone or on paper). Join only if they are the same.</source>
        <translation>Einrichtungsdatei von „{name}“.

Fingerabdruck des Schlüssels: {fingerprint}

Bitte mit dem Fingerabdruck vergleichen, den die Dienststelle mitgeteilt hat (telefonisch oder auf Papier). Nur beitreten, wenn beide gleich sind.</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Beitreten</translation>
    </message>
</context>
<context>
    <name>AnonymousDialog</name>
    <message>
        <source>Anonymous counselling</source>
        <translation>Anonyme Beratung</translation>
    </message>
    <message>
        <source>Only the day, the approach, the duration and the staff are kept, for the statistics. No name and no content are stored — there is no place for them.</source>
        <translation>Gespeichert werden nur Tag, Handlungsansatz, Dauer und Mitarbeitende, für die Statistik. Kein Name und kein Inhalt – dafür gibt es keinen Platz.</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <source>&amp;Approach</source>
        <translation>&amp;Handlungsansatz</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>D&amp;auer</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>New appointment</source>
        <translation>Neuer Termin</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>&amp;Approach</source>
        <translation>&amp;Handlungsansatz</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Uhrzeit</translation>
    </message>
    <message>
        <source>Planned d&amp;uration</source>
        <translation>Geplante Dau&amp;er</translation>
    </message>
    <message>
        <source>Time &amp;buffer</source>
        <translation>Zeit&amp;puffer</translation>
    </message>
    <message>
        <source>Extra time after the appointment</source>
        <translation>Zusätzliche Zeit nach dem Termin</translation>
    </message>
    <message>
        <source>— anonymous —</source>
        <translation>— anonym —</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Kundin/Kunde</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— keine —</translation>
    </message>
    <message>
        <source>T&amp;hird party</source>
        <translation>D&amp;ritte</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Ort</translation>
    </message>
    <message>
        <source>Meeting point; for a home visit the client&apos;s address</source>
        <translation>Treffpunkt; beim Hausbesuch die Anschrift der Kundin oder des Kunden</translation>
    </message>
    <message>
        <source>&amp;Staff</source>
        <translation>&amp;Mitarbeitende</translation>
    </message>
    <message>
        <source>First &amp;meeting</source>
        <translation>Erstes Tre&amp;ffen</translation>
    </message>
    <message>
        <source>You have not met yet: agree a recognition sign, both bring an ID</source>
        <translation>Sie kennen sich noch nicht: Erkennungszeichen vereinbaren, beide bringen einen Ausweis mit</translation>
    </message>
    <message>
        <source>Spontaneous (from an &amp;office visit)</source>
        <translation>Spontan (aus einem &amp;Bürotermin)</translation>
    </message>
    <message>
        <source>Overlapping appointments</source>
        <translation>Überschneidende Termine</translation>
    </message>
</context>
<context>
    <name>AppointmentWorkDialog</name>
    <message>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <source>&amp;Edit appointment…</source>
        <translation>&amp;Termin bearbeiten …</translation>
    </message>
    <message>
        <source>Plan &amp;follow-up…</source>
        <translation>&amp;Folgetermin planen …</translation>
    </message>
    <message>
        <source>Phases</source>
        <translation>Phasen</translation>
    </message>
    <message>
        <source>&amp;Memory protocol…</source>
        <translation>&amp;Gedächtnisprotokoll …</translation>
    </message>
    <message>
        <source>Consents and letters</source>
        <translation>Einwilligungen und Briefe</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonym</translation>
    </message>
    <message>
        <source>The agency&apos;s checklist file has an error and is not used; the built-in checklist applies. {problem}</source>
        <translation>Die Checklisten-Datei der Dienststelle ist fehlerhaft und wird nicht verwendet; es gilt die eingebaute Checkliste. {problem}</translation>
    </message>
    <message>
        <source>Record &amp;anonymous counselling…</source>
        <translation>&amp;Anonyme Beratung erfassen …</translation>
    </message>
    <message>
        <source>Write &amp;memory protocol…</source>
        <translation>&amp;Gedächtnisprotokoll schreiben …</translation>
    </message>
    <message>
        <source>Continue &amp;memory protocol (draft)…</source>
        <translation>&amp;Gedächtnisprotokoll fortsetzen (Entwurf) …</translation>
    </message>
    <message>
        <source>Open &amp;memory protocol (finalized, {n} addenda)…</source>
        <translation>&amp;Gedächtnisprotokoll ansehen (abgeschlossen, Nachträge: {n}) …</translation>
    </message>
    <message>
        <source>Open &amp;memory protocol (finalized)…</source>
        <translation>&amp;Gedächtnisprotokoll ansehen (abgeschlossen) …</translation>
    </message>
</context>
<context>
    <name>AppointmentsPage</name>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Checklists, conduct and follow-up (Enter)</source>
        <translation>Checklisten, Durchführung und Nachbereitung (Eingabetaste)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>No appointments yet. Plan one with “New” (Ctrl+N).</source>
        <translation>Noch keine Termine. Mit „Neu“ (Strg+N) planen.</translation>
    </message>
    <message>
        <source>Search client, place… (Ctrl+F)</source>
        <translation>Kundin/Kunde, Ort suchen … (Strg+F)</translation>
    </message>
    <message>
        <source>All approaches</source>
        <translation>Alle Handlungsansätze</translation>
    </message>
    <message>
        <source>Approach filter</source>
        <translation>Filter Handlungsansatz</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Open (planned or in progress)</source>
        <translation>Offen (geplant oder laufend)</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filter Status</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ansicht</translation>
    </message>
    <message>
        <source>A&amp;pproach</source>
        <translation>&amp;Handlungsansatz</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>not shown</source>
        <translation>nicht angezeigt</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Log call attempt</source>
        <translation>Anrufversuch erfassen</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Uhrzeit</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Ergebnis</translation>
    </message>
    <message>
        <source>Visit agreed by &amp;phone</source>
        <translation>Termin &amp;telefonisch vereinbart</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>Short, no personal details</source>
        <translation>Kurz, ohne persönliche Einzelheiten</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <source>&amp;Current passphrase</source>
        <translation>&amp;Bisherige Passphrase</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;Neue Passphrase</translation>
    </message>
    <message>
        <source>At least {n} characters; a sentence is easy to remember.</source>
        <translation>Mindestens {n} Zeichen; ein ganzer Satz ist leicht zu merken.</translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>&amp;Wiederholen</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <source>(optional)</source>
        <translation>(optional)</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>met by what is already recorded</source>
        <translation>erfüllt durch bereits Erfasstes</translation>
    </message>
    <message>
        <source>blocks: {step}</source>
        <translation>nötig für: {step}</translation>
    </message>
    <message>
        <source>present</source>
        <translation>liegt vor</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>met</source>
        <translation>erfüllt</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>{done} of {total} required points done</source>
        <translation>{done} von {total} Pflichtpunkten erledigt</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <source>New client</source>
        <translation>Neue Kundin / neuer Kunde</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kundin/Kunde</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>C&amp;ustomer number</source>
        <translation>K&amp;undennummer</translation>
    </message>
    <message>
        <source>Three digits, a letter, six digits, e.g. 123A456789</source>
        <translation>Drei Ziffern, ein Buchstabe, sechs Ziffern, z. B. 123A456789</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Anschrift</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>Preferred &amp;language</source>
        <translation>Bevorzugte &amp;Sprache</translation>
    </message>
    <message>
        <source>&amp;Reachability</source>
        <translation>&amp;Erreichbarkeit</translation>
    </message>
    <message>
        <source>When and how the client can be reached</source>
        <translation>Wann und wie die Kundin oder der Kunde erreichbar ist</translation>
    </message>
    <message>
        <source>In my own &amp;caseload</source>
        <translation>In meiner eigenen &amp;Betreuung</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— niemand —</translation>
    </message>
    <message>
        <source>&amp;Main caseworker</source>
        <translation>&amp;Hauptbetreuung</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Clients</source>
        <translation>Kundinnen und Kunden</translation>
    </message>
    <message>
        <source>No clients yet.
Create the first one with “New” (Ctrl+N).</source>
        <translation>Noch keine Kundinnen und Kunden.
Den ersten Eintrag mit „Neu“ (Strg+N) anlegen.</translation>
    </message>
</context>
<context>
    <name>ConductPanel</name>
    <message>
        <source>Conduct</source>
        <translation>Durchführung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>History of the outcome</source>
        <translation>Verlauf des Ergebnisses</translation>
    </message>
    <message>
        <source>&amp;Correct outcome…</source>
        <translation>Ergebnis &amp;korrigieren …</translation>
    </message>
    <message>
        <source>Correct outcome</source>
        <translation>Ergebnis korrigieren</translation>
    </message>
    <message>
        <source>&amp;Begin appointment</source>
        <translation>Termin &amp;beginnen</translation>
    </message>
    <message>
        <source>Go &amp;into the home</source>
        <translation>In die &amp;Wohnung gehen</translation>
    </message>
    <message>
        <source>Continue with other &amp;persons present</source>
        <translation>Mit weiteren anwesenden &amp;Personen fortfahren</translation>
    </message>
    <message>
        <source>Talk to the third party &amp;without the client</source>
        <translation>Mit Dritten ohne Kundin/Kunde sp&amp;rechen</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Durchgeführt</translation>
    </message>
    <message>
        <source>Held in the &amp;surroundings</source>
        <translation>Im &amp;Umfeld durchgeführt</translation>
    </message>
    <message>
        <source>Ended at the &amp;door</source>
        <translation>An der T&amp;ür beendet</translation>
    </message>
    <message>
        <source>Broken o&amp;ff…</source>
        <translation>Abgebro&amp;chen …</translation>
    </message>
    <message>
        <source>&amp;Not met</source>
        <translation>&amp;Nicht angetroffen</translation>
    </message>
    <message>
        <source>Post&amp;poned…</source>
        <translation>&amp;Verschoben …</translation>
    </message>
    <message>
        <source>Cance&amp;lled…</source>
        <translation>Abges&amp;agt …</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>End appointment</source>
        <translation>Termin beenden</translation>
    </message>
    <message>
        <source>End the appointment as “{outcome}”?

A mis-click can be corrected until the protocol is finalized; the correction is kept in the appointment&apos;s history.</source>
        <translation>Den Termin als „{outcome}“ beenden?

Ein Fehlklick kann korrigiert werden, bis das Protokoll abgeschlossen ist; die Korrektur bleibt im Verlauf des Termins sichtbar.</translation>
    </message>
    <message>
        <source>End as “{outcome}”</source>
        <translation>Als „{outcome}“ beenden</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Place unsuitable: new appointment at &amp;another place…</source>
        <translation>&amp;Ort ungeeignet: neuer Termin an anderem Ort …</translation>
    </message>
    <message>
        <source>New appointment at another place</source>
        <translation>Neuer Termin an anderem Ort</translation>
    </message>
    <message>
        <source>The offer is voluntary: ending or breaking off is always possible.</source>
        <translation>Das Angebot ist freiwillig: Beenden oder Abbrechen ist jederzeit möglich.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>In progress since {time}</source>
        <translation>Läuft seit {time} Uhr</translation>
    </message>
    <message>
        <source>(begun {begun}, ended {ended})</source>
        <translation>(begonnen {begun} Uhr, beendet {ended} Uhr)</translation>
    </message>
    <message>
        <source>broken off by: {who}</source>
        <translation>abgebrochen von: {who}</translation>
    </message>
    <message>
        <source>since {time}</source>
        <translation>seit {time} Uhr</translation>
    </message>
</context>
<context>
    <name>ConflictNotice</name>
    <message>
        <source>&amp;Decide conflicts…</source>
        <translation>&amp;Konflikte entscheiden …</translation>
    </message>
    <message>
        <source>1 conflict is waiting for a decision.</source>
        <translation>1 Konflikt wartet auf eine Entscheidung.</translation>
    </message>
    <message>
        <source>{n} conflicts are waiting for a decision.</source>
        <translation>{n} Konflikte warten auf eine Entscheidung.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>Offene Konflikte</translation>
    </message>
    <message>
        <source>Keep the &amp;stored version</source>
        <translation>Gespeicherte Fassung &amp;behalten</translation>
    </message>
    <message>
        <source>Take the &amp;new version</source>
        <translation>Neue Fassung &amp;übernehmen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Both versions side by side</source>
        <translation>Beide Fassungen nebeneinander</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Stored version</source>
        <translation>Gespeicherte Fassung</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>Neue Fassung</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Konflikte</translation>
    </message>
    <message>
        <source>Every conflict is decided.</source>
        <translation>Alle Konflikte sind entschieden.</translation>
    </message>
    <message>
        <source>The stored version (version {stored}) and another one (version {other}) from the laptop of {caseworker} (device {device}), read {when}. Decide which one the office keeps; the decision is final.</source>
        <translation>Die gespeicherte Fassung (Fassung {stored}) und eine andere (Fassung {other}) vom Laptop von {caseworker} (Gerät {device}), eingelesen am {when}. Entscheiden Sie, welche das Büro behält; die Entscheidung ist endgültig.</translation>
    </message>
    <message>
        <source>Fields that differ (highlighted): {fields}</source>
        <translation>Verschiedene Felder (hervorgehoben): {fields}</translation>
    </message>
    <message>
        <source>The versions read the same; they differ only where nothing is shown.</source>
        <translation>Die Fassungen lesen sich gleich; sie unterscheiden sich nur, wo nichts angezeigt wird.</translation>
    </message>
    <message>
        <source>The new version cannot be taken: {why}</source>
        <translation>Die neue Fassung lässt sich nicht übernehmen: {why}</translation>
    </message>
    <message>
        <source>The decision is stored with your name ({who}) and the time and cannot be undone.</source>
        <translation>Die Entscheidung wird mit Ihrem Namen ({who}) und der Uhrzeit gespeichert und kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Keep the stored version of “{title}”?

The new version stays on record beside it; nothing else changes.</source>
        <translation>Die gespeicherte Fassung von „{title}“ behalten?

Die neue Fassung bleibt daneben verzeichnet; sonst ändert sich nichts.</translation>
    </message>
    <message>
        <source>Keep the stored version</source>
        <translation>Gespeicherte Fassung behalten</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Take the new version of “{title}”?

It takes the stored version&apos;s place; fields that differ: {fields}.</source>
        <translation>Die neue Fassung von „{title}“ übernehmen?

Sie tritt an die Stelle der gespeicherten Fassung; verschieden sind: {fields}.</translation>
    </message>
    <message>
        <source>Take the new version</source>
        <translation>Neue Fassung übernehmen</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Already marked for the version before: {marks}. Please enter what changed there too.</source>
        <translation>Für die vorige Fassung schon vermerkt: {marks}. Was sich geändert hat, bitte dort ebenfalls nachtragen.</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>New consent</source>
        <translation>Neue Einwilligung</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>German only</source>
        <translation>nur Deutsch</translation>
    </message>
    <message>
        <source>Second &amp;language of the form</source>
        <translation>Zweite Sprache des &amp;Formulars</translation>
    </message>
    <message>
        <source>&amp;Third party</source>
        <translation>&amp;Dritte</translation>
    </message>
    <message>
        <source>The third party the client allows you to talk to about them in their absence: for every approach, the one accompanied to or any other.</source>
        <translation>Die dritte Stelle, mit der Sie in Abwesenheit der Kundin/des Kunden über sie/ihn sprechen dürfen: bei jedem Handlungsansatz, die Stelle der Begleitung oder eine andere.</translation>
    </message>
    <message>
        <source>&amp;Purpose</source>
        <translation>&amp;Zweck</translation>
    </message>
    <message>
        <source>T&amp;opics</source>
        <translation>&amp;Themen</translation>
    </message>
    <message>
        <source>&amp;Valid until</source>
        <translation>&amp;Gültig bis</translation>
    </message>
    <message>
        <source>&amp;Others present</source>
        <translation>&amp;Weitere Anwesende</translation>
    </message>
    <message>
        <source>One person per line: name – role (e.g. Sabine Krüger – sister)</source>
        <translation>Eine Person je Zeile: Name – Rolle (z. B. Sabine Krüger – Schwester)</translation>
    </message>
    <message>
        <source>to the door (the rule)</source>
        <translation>bis zur Tür (Regelfall)</translation>
    </message>
    <message>
        <source>taking part in the conversation (exception)</source>
        <translation>Teilnahme am Gespräch (Ausnahme)</translation>
    </message>
    <message>
        <source>&amp;Scope</source>
        <translation>&amp;Umfang</translation>
    </message>
    <message>
        <source>&amp;Reason for taking part</source>
        <translation>G&amp;rund der Teilnahme</translation>
    </message>
    <message>
        <source>&amp;Main caseworker</source>
        <translation>&amp;Hauptbetreuung</translation>
    </message>
</context>
<context>
    <name>ConsentsPanel</name>
    <message>
        <source>Consents</source>
        <translation>Einwilligungen</translation>
    </message>
    <message>
        <source>No consents for this appointment yet.</source>
        <translation>Für diesen Termin gibt es noch keine Einwilligungen.</translation>
    </message>
    <message>
        <source>&amp;New consent…</source>
        <translation>&amp;Neue Einwilligung …</translation>
    </message>
    <message>
        <source>Preview and &amp;print…</source>
        <translation>&amp;Vorschau und Drucken …</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Als P&amp;DF speichern …</translation>
    </message>
    <message>
        <source>Signed on &amp;paper…</source>
        <translation>Auf &amp;Papier unterschrieben …</translation>
    </message>
    <message>
        <source>Sign on &amp;screen…</source>
        <translation>Auf dem &amp;Bildschirm unterschreiben …</translation>
    </message>
    <message>
        <source>Given &amp;orally…</source>
        <translation>&amp;Mündlich erteilt …</translation>
    </message>
    <message>
        <source>Re&amp;fused…</source>
        <translation>Abge&amp;lehnt …</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Wide&amp;rrufen …</translation>
    </message>
    <message>
        <source>Print signed &amp;form…</source>
        <translation>Unterschriebenes Formular dr&amp;ucken …</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Briefe</translation>
    </message>
    <message>
        <source>{letter}…</source>
        <translation>{letter} …</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern …</translation>
    </message>
    <message>
        <source>Save as PDF: {letter}</source>
        <translation>Als PDF speichern: {letter}</translation>
    </message>
    <message>
        <source>Letters saved as PDF</source>
        <translation>Als PDF gespeicherte Briefe</translation>
    </message>
    <message>
        <source>valid until {day}</source>
        <translation>gültig bis {day}</translation>
    </message>
    <message>
        <source>revoked on {day}</source>
        <translation>widerrufen am {day}</translation>
    </message>
    <message>
        <source>Saved as PDF (unencrypted)</source>
        <translation>Als PDF gespeichert (unverschlüsselt)</translation>
    </message>
    <message>
        <source>Print anyway</source>
        <translation>Trotzdem drucken</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Trotzdem speichern</translation>
    </message>
</context>
<context>
    <name>CorrectOutcomeDialog</name>
    <message>
        <source>Correct outcome</source>
        <translation>Ergebnis korrigieren</translation>
    </message>
    <message>
        <source>&amp;Correct outcome</source>
        <translation>Ergebnis &amp;korrigieren</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Recorded: “{outcome}”. The correction is kept in the appointment&apos;s history with the old and the new outcome, the time and the reason. Once the protocol is finalized, the outcome cannot be corrected any more.</source>
        <translation>Erfasst: „{outcome}“. Die Korrektur bleibt im Verlauf des Termins mit altem und neuem Ergebnis, Zeitpunkt und Grund erhalten. Ist das Protokoll abgeschlossen, kann das Ergebnis nicht mehr korrigiert werden.</translation>
    </message>
    <message>
        <source>&amp;New outcome</source>
        <translation>&amp;Neues Ergebnis</translation>
    </message>
    <message>
        <source>Broken off &amp;by</source>
        <translation>Abgebrochen &amp;von</translation>
    </message>
    <message>
        <source>Reason for the &amp;outcome</source>
        <translation>Grund für das &amp;Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Why it is corrected (required)</source>
        <translation>&amp;Warum korrigiert wird (Pflicht)</translation>
    </message>
</context>
<context>
    <name>CountersignDialog</name>
    <message>
        <source>Countersign</source>
        <translation>Gegenzeichnen</translation>
    </message>
    <message>
        <source>With the countersignature the second staff member confirms that the protocol describes the home visit correctly. It cannot be taken back.</source>
        <translation>Mit der Gegenzeichnung bestätigt die zweite Person, dass das Protokoll den Hausbesuch richtig wiedergibt. Sie lässt sich nicht zurücknehmen.</translation>
    </message>
    <message>
        <source>There is no second staff member on this home visit.</source>
        <translation>Bei diesem Hausbesuch ist keine zweite Person eingetragen.</translation>
    </message>
    <message>
        <source>&amp;Countersigned by</source>
        <translation>&amp;Gegengezeichnet von</translation>
    </message>
</context>
<context>
    <name>CreateVaultDialog</name>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>Your profile is an encrypted vault on this laptop. Only your passphrase opens it; if you lose it, only your agency&apos;s recovery key can. Choose one you can type reliably even when tired, and do not note it down on the laptop.</source>
        <translation>Ihr Profil ist ein verschlüsselter Tresor auf diesem Laptop. Nur Ihre Passphrase öffnet ihn; geht sie verloren, kann das nur noch der Wiederherstellungsschlüssel Ihrer Dienststelle. Wählen Sie eine Passphrase, die Sie auch müde sicher tippen, und notieren Sie sie nicht auf dem Laptop.</translation>
    </message>
    <message>
        <source>&amp;Profile name</source>
        <translation>&amp;Profilname</translation>
    </message>
    <message>
        <source>For example your first name; shown when unlocking</source>
        <translation>Zum Beispiel Ihr Vorname; erscheint beim Entsperren</translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation>Ihr &amp;Name</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>&amp;Bereich</translation>
    </message>
    <message>
        <source>P&amp;assphrase</source>
        <translation>Passp&amp;hrase</translation>
    </message>
    <message>
        <source>At least {n} characters; a sentence is easy to remember.</source>
        <translation>Mindestens {n} Zeichen; ein ganzer Satz ist leicht zu merken.</translation>
    </message>
    <message>
        <source>&amp;Repeat passphrase</source>
        <translation>Passphrase &amp;wiederholen</translation>
    </message>
    <message>
        <source>Agency r&amp;ecovery key</source>
        <translation>Wiederherstellungs&amp;schlüssel der Dienststelle</translation>
    </message>
    <message>
        <source>age public key of your agency (age1…); lets the office recover the vault if the passphrase is lost</source>
        <translation>Öffentlicher age-Schlüssel Ihrer Dienststelle (age1…); damit kann die Dienststelle den Tresor wiederherstellen, wenn die Passphrase verloren ist</translation>
    </message>
</context>
<context>
    <name>DayPlanDialog</name>
    <message>
        <source>Today&apos;s outside appointments</source>
        <translation>Außentermine heute</translation>
    </message>
    <message>
        <source>A one-page plan of who is out when and roughly where (postcode and town, kind of place), for the team board or the team leader. Without client names unless you include them.</source>
        <translation>Ein einseitiger Plan, wer wann und ungefähr wo unterwegs ist (Postleitzahl und Ort, Art des Orts), für die Teamtafel oder die Führungskraft. Ohne Namen von Kundinnen und Kunden, außer Sie nehmen sie auf.</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Include client &amp;names and exact places</source>
        <translation>&amp;Namen von Kundinnen und Kunden und genaue Orte aufnehmen</translation>
    </message>
    <message>
        <source>Off by default. With names the plan holds personal data and must not be posted.</source>
        <translation>Standardmäßig aus. Mit Namen enthält der Plan Sozialdaten und darf nicht ausgehängt werden.</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken …</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Als PDF &amp;speichern …</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Outside appointments</source>
        <translation>Außentermine</translation>
    </message>
    <message>
        <source>The PDF file is NOT encrypted and contains client names (Sozialdaten). Save it only where it is protected, do not post it, and delete it after use.</source>
        <translation>Die PDF-Datei ist NICHT verschlüsselt und enthält Namen von Kundinnen und Kunden (Sozialdaten). Speichern Sie sie nur an einem geschützten Ort, hängen Sie sie nicht aus und löschen Sie sie nach Gebrauch.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Gespeichert unter {path}.</translation>
    </message>
</context>
<context>
    <name>EndConsentDialog</name>
    <message>
        <source>Revoke consent</source>
        <translation>Einwilligung widerrufen</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>A consent can be revoked at any time, for the future. Nothing is deleted: the revocation is added to its history.</source>
        <translation>Eine Einwilligung kann jederzeit für die Zukunft widerrufen werden. Gelöscht wird nichts: der Widerruf kommt in den Verlauf.</translation>
    </message>
    <message>
        <source>&amp;How</source>
        <translation>&amp;Wie</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>e.g. by phone, in writing, in person</source>
        <translation>z. B. telefonisch, schriftlich, persönlich</translation>
    </message>
</context>
<context>
    <name>EvaluationPage</name>
    <message>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>All approaches</source>
        <translation>Alle Handlungsansätze</translation>
    </message>
    <message>
        <source>Approach</source>
        <translation>Handlungsansatz</translation>
    </message>
    <message>
        <source>Columns: {what}</source>
        <translation>Spalten: {what}</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Save &amp;report as PDF…</source>
        <translation>&amp;Bericht als PDF speichern …</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>Als &amp;CSV speichern …</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Appointments by approach and outcome</source>
        <translation>Termine nach Handlungsansatz und Ergebnis</translation>
    </message>
    <message>
        <source>No appointments with an outcome in this period.</source>
        <translation>Keine Termine mit Ergebnis in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Follow-up rate per month</source>
        <translation>Folgeterminquote je Monat</translation>
    </message>
    <message>
        <source>No carried-out appointments in this period.</source>
        <translation>Keine durchgeführten Termine in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Office station: every device that sent records; the team in total in the last column.</source>
        <translation>Bürostation: alle Geräte, die Daten geliefert haben; das Team insgesamt in der letzten Spalte.</translation>
    </message>
    <message>
        <source>Your own appointments.</source>
        <translation>Ihre eigenen Termine.</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Save report as PDF</source>
        <translation>Bericht als PDF speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save as CSV</source>
        <translation>Als CSV speichern</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved to {path}. Counts from 1 to {n} are shown as “&lt; {t}”.</source>
        <translation>Gespeichert unter {path}. Anzahlen von 1 bis {n} erscheinen als „&lt; {t}“.</translation>
    </message>
</context>
<context>
    <name>FingerprintDialog</name>
    <message>
        <source>New device</source>
        <translation>Neues Gerät</translation>
    </message>
    <message>
        <source>“{name}”</source>
        <translation>„{name}“</translation>
    </message>
    <message>
        <source>The bundle {files} comes from a laptop this office station does not know yet (device {device}). Its fingerprint:</source>
        <translation>Die Übergabe {files} kommt von einem Laptop, den das Büro noch nicht kennt (Gerät {device}). Sein Fingerabdruck:</translation>
    </message>
    <message>
        <source>Fingerprint of the device</source>
        <translation>Fingerabdruck des Geräts</translation>
    </message>
    <message>
        <source>Ask the caseworker to read out the device key their laptop shows (Settings → Agency: “Device key”) and compare it group by group. Accept the device only if every character is the same; otherwise cancel, and the file is not read.</source>
        <translation>Lassen Sie sich von der Kollegin oder dem Kollegen den Geräteschlüssel vorlesen, den ihr Laptop zeigt (Einstellungen → Dienststelle: „Geräteschlüssel“), und vergleichen Sie ihn Gruppe für Gruppe. Nehmen Sie das Gerät nur an, wenn jedes Zeichen gleich ist; sonst „Abbrechen“ – die Datei wird dann nicht eingelesen.</translation>
    </message>
    <message>
        <source>&amp;Accept device and import</source>
        <translation>Gerät &amp;annehmen und einlesen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Plan follow-up appointment</source>
        <translation>Folgetermin planen</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Uhrzeit</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Ort</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <source>Documentation and closing</source>
        <translation>Dokumentation und Abschluss</translation>
    </message>
    <message>
        <source>Documented at the MAP in VerBIS</source>
        <translation>Direkt am MAP in VerBIS dokumentiert</translation>
    </message>
    <message>
        <source>Documented at the MA&amp;P in VerBIS…</source>
        <translation>Direkt am &amp;MAP in VerBIS dokumentiert …</translation>
    </message>
    <message>
        <source>&amp;Close follow-up</source>
        <translation>Nachbereitung a&amp;bschließen</translation>
    </message>
    <message>
        <source>Close follow-up</source>
        <translation>Nachbereitung abschließen</translation>
    </message>
    <message>
        <source>by {who}, {when}</source>
        <translation>von {who}, {when}</translation>
    </message>
    <message>
        <source>Instead of a memory protocol, if the MAP was used.</source>
        <translation>Statt eines Gedächtnisprotokolls, wenn der mobile Arbeitsplatz (MAP) genutzt wurde.</translation>
    </message>
    <message>
        <source>closed {when}</source>
        <translation>abgeschlossen am {when}</translation>
    </message>
    <message>
        <source>Everything needed is done.</source>
        <translation>Alles Nötige ist erledigt.</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
</context>
<context>
    <name>GivenDialog</name>
    <message>
        <source>Signed on paper</source>
        <translation>Auf Papier unterschrieben</translation>
    </message>
    <message>
        <source>Given orally</source>
        <translation>Mündlich erteilt</translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation>&amp;Bestätigen</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Uhrzeit</translation>
    </message>
    <message>
        <source>Oral consent is documented: by whom, when, and a witness.</source>
        <translation>Eine mündliche Einwilligung wird dokumentiert: von wem, wann, mit Zeugin oder Zeuge.</translation>
    </message>
    <message>
        <source>Documented &amp;by</source>
        <translation>Dokumentiert &amp;von</translation>
    </message>
    <message>
        <source>&amp;Witness</source>
        <translation>&amp;Zeugin/Zeuge</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <source>Folder for the handover (USB stick, team share)</source>
        <translation>Ordner für die Übergabe (USB-Stick, Teamlaufwerk)</translation>
    </message>
    <message>
        <source>The office&apos;s receipt</source>
        <translation>Quittung des Büros</translation>
    </message>
    <message>
        <source>Receipt (*.age);;All files (*)</source>
        <translation>Quittung (*.age);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>{count} {kind} (since {day})</source>
        <translation>{count} × {kind} (seit {day})</translation>
    </message>
    <message>
        <source>Handover to the office</source>
        <translation>Übergabe ans Büro</translation>
    </message>
    <message>
        <source>What waits to go to the office</source>
        <translation>Was auf die Übergabe ans Büro wartet</translation>
    </message>
    <message>
        <source>&amp;Write handover…</source>
        <translation>Übergabe &amp;schreiben …</translation>
    </message>
    <message>
        <source>Write the handover file (Ctrl+E)</source>
        <translation>Übergabedatei schreiben (Strg+E)</translation>
    </message>
    <message>
        <source>Read the office&apos;s &amp;receipt…</source>
        <translation>&amp;Quittung des Büros einlesen …</translation>
    </message>
    <message>
        <source>Handover log</source>
        <translation>Übergabeprotokoll</translation>
    </message>
    <message>
        <source>Only records &amp;from</source>
        <translation>Nur Einträge &amp;ab</translation>
    </message>
    <message>
        <source>Only records from this day</source>
        <translation>Nur Einträge ab diesem Tag</translation>
    </message>
    <message>
        <source>Handover log (no personal data)</source>
        <translation>Übergabeprotokoll (ohne Personendaten)</translation>
    </message>
    <message>
        <source>This laptop has not joined an agency yet. Read the agency&apos;s setup file under Settings → Agency; then records can be handed over.</source>
        <translation>Dieser Laptop ist noch keiner Dienststelle beigetreten. Unter Einstellungen → Dienststelle die Einrichtungsdatei einlesen; dann lassen sich Einträge übergeben.</translation>
    </message>
    <message>
        <source>Waiting to go: {kinds}.</source>
        <translation>Warten auf die Übergabe: {kinds}.</translation>
    </message>
    <message>
        <source>Nothing waits to go to the office.</source>
        <translation>Nichts wartet auf die Übergabe ans Büro.</translation>
    </message>
    <message>
        <source>At the office, no receipt yet: {kinds}.</source>
        <translation>Beim Büro, Quittung steht noch aus: {kinds}.</translation>
    </message>
    <message>
        <source>Rejected by the office: {n}. They go again once they were corrected.</source>
        <translation>Vom Büro abgelehnt: {n}. Sie gehen erneut mit, sobald sie berichtigt sind.</translation>
    </message>
    <message>
        <source>Deleted at unlock, {days} days after the office&apos;s receipt: {kinds}.</source>
        <translation>Beim Entsperren gelöscht, {days} Tage nach der Quittung des Büros: {kinds}.</translation>
    </message>
    <message>
        <source>The handover file is encrypted for the agency; its name reveals no one. Records stay on this laptop until the office&apos;s receipt, and are deleted after the period the agency set.</source>
        <translation>Die Übergabedatei ist für die Dienststelle verschlüsselt; ihr Name verrät niemanden. Die Einträge bleiben bis zur Quittung des Büros auf diesem Laptop und werden nach der von der Dienststelle festgelegten Frist gelöscht.</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>Übergabe</translation>
    </message>
    <message>
        <source>Writing and checking…</source>
        <translation>Wird geschrieben und geprüft …</translation>
    </message>
    <message>
        <source>Written and checked: {file} ({n} records).</source>
        <translation>Geschrieben und geprüft: {file} ({n} Einträge).</translation>
    </message>
    <message>
        <source>{n} more records wait for the next handover (the agency&apos;s size limit).</source>
        <translation>{n} weitere Einträge warten auf die nächste Übergabe (Größengrenze der Dienststelle).</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Wird eingelesen …</translation>
    </message>
</context>
<context>
    <name>HandoverView</name>
    <message>
        <source>Addendum {when}</source>
        <translation>Nachtrag {when}</translation>
    </message>
    <message>
        <source>Draft – not finalized yet.</source>
        <translation>Entwurf – noch nicht abgeschlossen.</translation>
    </message>
    <message>
        <source>Copy a&amp;ll</source>
        <translation>Alles &amp;kopieren</translation>
    </message>
    <message>
        <source>Copy all fields</source>
        <translation>Alle Felder kopieren</translation>
    </message>
    <message>
        <source>all fields</source>
        <translation>alle Felder</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy {field}</source>
        <translation>{field} kopieren</translation>
    </message>
    <message>
        <source>Copied: {what} – removed from the clipboard after 30 seconds.</source>
        <translation>Kopiert: {what} – wird nach 30 Sekunden aus der Zwischenablage gelöscht.</translation>
    </message>
</context>
<context>
    <name>ImportResultsDialog</name>
    <message>
        <source>Bundles read</source>
        <translation>Übergaben eingelesen</translation>
    </message>
    <message>
        <source>Result per file</source>
        <translation>Ergebnis je Datei</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Read: {ok} of {total} files.</source>
        <translation>Eingelesen: {ok} von {total} Dateien.</translation>
    </message>
    <message>
        <source>Not read: {n} – the reason is given beside each file.</source>
        <translation>Nicht eingelesen: {n} – der Grund steht bei der Datei.</translation>
    </message>
    <message>
        <source>Stopped before reading: {n}.</source>
        <translation>Vor dem Einlesen abgebrochen: {n}.</translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <source>entered in &amp;VerBIS</source>
        <translation>in &amp;VerBIS übernommen</translation>
    </message>
    <message>
        <source>noted in the &amp;e-file</source>
        <translation>in der &amp;e-Akte vermerkt</translation>
    </message>
    <message>
        <source>&amp;benefits department informed</source>
        <translation>&amp;Leistungsgewährung informiert</translation>
    </message>
    <message>
        <source>VerBIS</source>
        <translation>VerBIS</translation>
    </message>
    <message>
        <source>e-file</source>
        <translation>e-Akte</translation>
    </message>
    <message>
        <source>benefits dept.</source>
        <translation>Leistungsgewährung</translation>
    </message>
    <message>
        <source>none needed</source>
        <translation>keine nötig</translation>
    </message>
    <message>
        <source>no marks needed</source>
        <translation>keine Vermerke nötig</translation>
    </message>
    <message>
        <source>{mark}: set</source>
        <translation>{mark}: gesetzt</translation>
    </message>
    <message>
        <source>{mark}: missing</source>
        <translation>{mark}: fehlt</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>transferred</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>someone at the office</source>
        <translation>jemand im Büro</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <source>Marks</source>
        <translation>Vermerke</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Eingelesen</translation>
    </message>
    <message>
        <source>Without a client</source>
        <translation>Ohne Kundin/Kunde</translation>
    </message>
    <message>
        <source>{name} ({n})</source>
        <translation>{name} ({n})</translation>
    </message>
    <message>
        <source>{name}, {n} entries</source>
        <translation>{name}, {n} Einträge</translation>
    </message>
</context>
<context>
    <name>InboxImport</name>
    <message>
        <source>Read bundles from the laptops</source>
        <translation>Übergaben der Laptops einlesen</translation>
    </message>
    <message>
        <source>Bundles (*.age);;All files (*)</source>
        <translation>Übergaben (*.age);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Read bundles</source>
        <translation>Übergaben einlesen</translation>
    </message>
    <message>
        <source>Checking and reading {n} file(s) …</source>
        <translation>{n} Datei(en) werden geprüft und eingelesen …</translation>
    </message>
    <message>
        <source>Reading bundles</source>
        <translation>Übergaben werden eingelesen</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>What the laptops handed over and a person still enters into VerBIS or the e-file, by caseworker and client. Open an entry (Enter) to copy its fields and set its marks.</source>
        <translation>Was die Laptops übergeben haben und noch in VerBIS oder die e-Akte zu übernehmen ist, nach Mitarbeitenden und Kundinnen und Kunden. Einen Eintrag öffnen (Enter), um seine Felder zu kopieren und seine Vermerke zu setzen.</translation>
    </message>
    <message>
        <source>Read &amp;bundles…</source>
        <translation>Übergaben &amp;einlesen …</translation>
    </message>
    <message>
        <source>Read the laptops&apos; bundles (Ctrl+I)</source>
        <translation>Übergaben der Laptops einlesen (Strg+I)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Write &amp;receipts…</source>
        <translation>&amp;Quittungen schreiben …</translation>
    </message>
    <message>
        <source>A receipt for every laptop with something transferred or rejected</source>
        <translation>Eine Quittung für jeden Laptop, von dem etwas übernommen oder abgelehnt wurde</translation>
    </message>
    <message>
        <source>Handover &amp;log…</source>
        <translation>Übergabe&amp;protokoll …</translation>
    </message>
    <message>
        <source>Every bundle read, receipt written and conflict decided</source>
        <translation>Jede eingelesene Übergabe, jede geschriebene Quittung und jeder entschiedene Konflikt</translation>
    </message>
    <message>
        <source>Also show &amp;transferred and rejected</source>
        <translation>Auch Übernommenes/Abgelehntes &amp;zeigen</translation>
    </message>
    <message>
        <source>No entries</source>
        <translation>Keine Einträge</translation>
    </message>
    <message>
        <source>Entries awaiting entry</source>
        <translation>Einträge, die auf die Übernahme warten</translation>
    </message>
    <message>
        <source>The inbox is empty.</source>
        <translation>Der Posteingang ist leer.</translation>
    </message>
    <message>
        <source>No entries are waiting to be transferred.</source>
        <translation>Keine Einträge warten auf die Übernahme.</translation>
    </message>
    <message>
        <source>Read the laptops&apos; bundles with “Read bundles…” (Ctrl+I).</source>
        <translation>Übergaben der Laptops einlesen mit „Übergaben einlesen …“ (Strg+I).</translation>
    </message>
    <message>
        <source>Waiting to be transferred: {n}</source>
        <translation>Warten auf die Übernahme: {n}</translation>
    </message>
    <message>
        <source>Shown: {n}, of them open: {waiting}</source>
        <translation>Angezeigt: {n}, davon offen: {waiting}</translation>
    </message>
    <message>
        <source>without a client</source>
        <translation>ohne Kundin/Kunde</translation>
    </message>
    <message>
        <source>From the laptop of {caseworker} · {client} · read {when} · version {revision}</source>
        <translation>Vom Laptop von {caseworker} · {client} · eingelesen am {when} · Fassung {revision}</translation>
    </message>
</context>
<context>
    <name>InboxReceipts</name>
    <message>
        <source>Folder for the receipts (USB stick, team share)</source>
        <translation>Ordner für die Quittungen (USB-Stick, Teamlaufwerk)</translation>
    </message>
    <message>
        <source>No laptop has handed anything over yet.</source>
        <translation>Noch hat kein Laptop etwas übergeben.</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Quittungen</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Wird geschrieben …</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Walk and Talk</source>
        <translation>Walk and Talk</translation>
    </message>
    <message>
        <source>Begleitung zu Dritten</source>
        <translation>Begleitung zu Dritten</translation>
    </message>
    <message>
        <source>Hausbesuch</source>
        <translation>Hausbesuch</translation>
    </message>
    <message>
        <source>Geplant</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Läuft</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Durchgeführt</source>
        <translation>Durchgeführt</translation>
    </message>
    <message>
        <source>Im Umfeld durchgeführt</source>
        <translation>Im Umfeld durchgeführt</translation>
    </message>
    <message>
        <source>An der Tür beendet</source>
        <translation>An der Tür beendet</translation>
    </message>
    <message>
        <source>Abgebrochen</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Nicht angetroffen</source>
        <translation>Nicht angetroffen</translation>
    </message>
    <message>
        <source>Verschoben</source>
        <translation>Verschoben</translation>
    </message>
    <message>
        <source>Abgesagt</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>Markt und Integration (M&amp;I)</source>
        <translation>Markt und Integration (M&amp;I)</translation>
    </message>
    <message>
        <source>Leistungsgewährung</source>
        <translation>Leistungsgewährung</translation>
    </message>
    <message>
        <source>Behörde</source>
        <translation>Behörde</translation>
    </message>
    <message>
        <source>Schule</source>
        <translation>Schule</translation>
    </message>
    <message>
        <source>Bildungsträger</source>
        <translation>Bildungsträger</translation>
    </message>
    <message>
        <source>Sozialer Dienst</source>
        <translation>Sozialer Dienst</translation>
    </message>
    <message>
        <source>Rechtsanwältin/Rechtsanwalt</source>
        <translation>Rechtsanwältin/Rechtsanwalt</translation>
    </message>
    <message>
        <source>Fachärztin/Facharzt</source>
        <translation>Fachärztin/Facharzt</translation>
    </message>
    <message>
        <source>Sonstige</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Deutsch</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>Englisch</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>Ukrainisch</source>
        <translation>Ukrainisch</translation>
    </message>
    <message>
        <source>Russisch</source>
        <translation>Russisch</translation>
    </message>
    <message>
        <source>Türkisch</source>
        <translation>Türkisch</translation>
    </message>
    <message>
        <source>Arabisch</source>
        <translation>Arabisch</translation>
    </message>
    <message>
        <source>Andere</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>Ankündigung des Hausbesuchs</source>
        <translation>Ankündigung des Hausbesuchs</translation>
    </message>
    <message>
        <source>Erinnerung an den Hausbesuch</source>
        <translation>Erinnerung an den Hausbesuch</translation>
    </message>
    <message>
        <source>Terminbestätigung</source>
        <translation>Terminbestätigung</translation>
    </message>
    <message>
        <source>Einverständniserklärung zum Hausbesuch</source>
        <translation>Einverständniserklärung zum Hausbesuch</translation>
    </message>
    <message>
        <source>Schweigepflichtentbindung</source>
        <translation>Schweigepflichtentbindung</translation>
    </message>
    <message>
        <source>Einverständnis zur Anwesenheit weiterer Personen</source>
        <translation>Einverständnis zur Anwesenheit weiterer Personen</translation>
    </message>
    <message>
        <source>Einverständnis zur Begleitung</source>
        <translation>Einverständnis zur Begleitung</translation>
    </message>
    <message>
        <source>Einverständnis zur Information der Hauptbetreuung</source>
        <translation>Einverständnis zur Information der Hauptbetreuung</translation>
    </message>
    <message>
        <source>Vorbereitet</source>
        <translation>Vorbereitet</translation>
    </message>
    <message>
        <source>Gedruckt</source>
        <translation>Gedruckt</translation>
    </message>
    <message>
        <source>Erteilt</source>
        <translation>Erteilt</translation>
    </message>
    <message>
        <source>Abgelehnt</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Widerrufen</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>auf Papier unterschrieben</source>
        <translation>auf Papier unterschrieben</translation>
    </message>
    <message>
        <source>auf dem Bildschirm unterschrieben</source>
        <translation>auf dem Bildschirm unterschrieben</translation>
    </message>
    <message>
        <source>mündlich erteilt</source>
        <translation>mündlich erteilt</translation>
    </message>
    <message>
        <source>Vorbereitung</source>
        <translation>Vorbereitung</translation>
    </message>
    <message>
        <source>Vor Ort</source>
        <translation>Vor Ort</translation>
    </message>
    <message>
        <source>Nachbereitung</source>
        <translation>Nachbereitung</translation>
    </message>
    <message>
        <source>Termin beginnen</source>
        <translation>Termin beginnen</translation>
    </message>
    <message>
        <source>in die Wohnung gehen</source>
        <translation>in die Wohnung gehen</translation>
    </message>
    <message>
        <source>mit weiteren anwesenden Personen fortfahren</source>
        <translation>mit weiteren anwesenden Personen fortfahren</translation>
    </message>
    <message>
        <source>ohne die Kundin/den Kunden mit Dritten sprechen</source>
        <translation>ohne die Kundin/den Kunden mit Dritten sprechen</translation>
    </message>
    <message>
        <source>Nachbereitung abschließen</source>
        <translation>Nachbereitung abschließen</translation>
    </message>
    <message>
        <source>Kundin/Kunde</source>
        <translation>Kundin/Kunde</translation>
    </message>
    <message>
        <source>Gesamt</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Handlungsansatz</source>
        <translation>Handlungsansatz</translation>
    </message>
    <message>
        <source>Monat</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Mitarbeitende</source>
        <translation>Mitarbeitende</translation>
    </message>
    <message>
        <source>Erreicht</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>Nicht abgenommen</source>
        <translation>Nicht abgenommen</translation>
    </message>
    <message>
        <source>Besetzt</source>
        <translation>Besetzt</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Mailbox</translation>
    </message>
    <message>
        <source>Falsche Nummer</source>
        <translation>Falsche Nummer</translation>
    </message>
    <message>
        <source>Ankündigung</source>
        <translation>Ankündigung</translation>
    </message>
    <message>
        <source>Erinnerung</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Noch nicht fällig</source>
        <translation>Noch nicht fällig</translation>
    </message>
    <message>
        <source>Zu versenden</source>
        <translation>Zu versenden</translation>
    </message>
    <message>
        <source>Heute fällig</source>
        <translation>Heute fällig</translation>
    </message>
    <message>
        <source>Überfällig</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Versendet</source>
        <translation>Versendet</translation>
    </message>
    <message>
        <source>Entfällt (abgesagt)</source>
        <translation>Entfällt (abgesagt)</translation>
    </message>
    <message>
        <source>Freiwillig (telefonisch vereinbart)</source>
        <translation>Freiwillig (telefonisch vereinbart)</translation>
    </message>
    <message>
        <source>erreicht</source>
        <translation>erreicht</translation>
    </message>
    <message>
        <source>teilweise erreicht</source>
        <translation>teilweise erreicht</translation>
    </message>
    <message>
        <source>nicht erreicht</source>
        <translation>nicht erreicht</translation>
    </message>
    <message>
        <source>noch offen</source>
        <translation>noch offen</translation>
    </message>
    <message>
        <source>Kundinnen und Kunden</source>
        <translation>Kundinnen und Kunden</translation>
    </message>
    <message>
        <source>Dritte Stellen</source>
        <translation>Dritte Stellen</translation>
    </message>
    <message>
        <source>Termine</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Gedächtnisprotokolle</source>
        <translation>Gedächtnisprotokolle</translation>
    </message>
    <message>
        <source>Einwilligungen</source>
        <translation>Einwilligungen</translation>
    </message>
    <message>
        <source>Anonyme Beratungen</source>
        <translation>Anonyme Beratungen</translation>
    </message>
    <message>
        <source>Empfangsbestätigungen</source>
        <translation>Empfangsbestätigungen</translation>
    </message>
    <message>
        <source>Ort aus dem Termin übernommen</source>
        <translation>Ort aus dem Termin übernommen</translation>
    </message>
    <message>
        <source>aus der Einwilligung übernommen</source>
        <translation>aus der Einwilligung übernommen</translation>
    </message>
    <message>
        <source>Mitarbeitende aus dem Termin übernommen</source>
        <translation>Mitarbeitende aus dem Termin übernommen</translation>
    </message>
</context>
<context>
    <name>LetterSentDialog</name>
    <message>
        <source>Letter sent: {kind}</source>
        <translation>Brief versendet: {kind}</translation>
    </message>
    <message>
        <source>&amp;Sent on</source>
        <translation>&amp;Versendet am</translation>
    </message>
</context>
<context>
    <name>ListColumns</name>
    <message>
        <source>anonymous</source>
        <translation>anonym</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Approach</source>
        <translation>Handlungsansatz</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kundin/Kunde</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>Kundennummer</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Anschrift</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Team leader</source>
        <translation>Führungskraft</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>finalized</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>1 addendum</source>
        <translation>1 Nachtrag</translation>
    </message>
    <message>
        <source>{n} addenda</source>
        <translation>{n} Nachträge</translation>
    </message>
    <message>
        <source>Met on</source>
        <translation>Gespräch am</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Themen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Search… (Ctrl+F)</source>
        <translation>Suchen … (Strg+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>No entries</source>
        <translation>Keine Einträge</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>New entry (Ctrl+N)</source>
        <translation>Neuer Eintrag (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the selected entry (Del)</source>
        <translation>Ausgewählten Eintrag löschen (Entf)</translation>
    </message>
    <message>
        <source>Showing the first {n} entries. Narrow the search to see the others.</source>
        <translation>Es werden die ersten {n} Einträge gezeigt. Für die übrigen bitte die Suche eingrenzen.</translation>
    </message>
    <message>
        <source>Nothing matches “{query}”.</source>
        <translation>Nichts gefunden für „{query}“.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Really delete “{name}”? This cannot be undone.</source>
        <translation>„{name}“ wirklich löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Outreach Desktop</source>
        <translation>Outreach Desktop</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Angemeldet als</translation>
    </message>
    <message>
        <source>Lock (Ctrl+L)</source>
        <translation>Sperren (Strg+L)</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Vault notice</source>
        <translation>Hinweis zum Tresor</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Outreach Desktop</source>
        <translation>Ü&amp;ber Outreach Desktop</translation>
    </message>
    <message>
        <source>Outreach Desktop – {profile}</source>
        <translation>Outreach Desktop – {profile}</translation>
    </message>
    <message>
        <source>(read only)</source>
        <translation>(nur lesen)</translation>
    </message>
    <message>
        <source>Profile {profile} · {owner} · locks after {minutes} min without input</source>
        <translation>Profil {profile} · {owner} · sperrt nach {minutes} Min. ohne Eingabe</translation>
    </message>
    <message>
        <source>Locked after inactivity.</source>
        <translation>Wegen Inaktivität gesperrt.</translation>
    </message>
    <message>
        <source>Locked together with the computer.</source>
        <translation>Zusammen mit dem Computer gesperrt.</translation>
    </message>
    <message>
        <source>Entries in open dialogs were saved before locking.</source>
        <translation>Eingaben in offenen Dialogen wurden vor dem Sperren gespeichert.</translation>
    </message>
    <message>
        <source>Incomplete entries in open dialogs could not be saved and were discarded.</source>
        <translation>Unvollständige Eingaben in offenen Dialogen konnten nicht gespeichert werden und wurden verworfen.</translation>
    </message>
    <message>
        <source>Outreach Desktop – locked</source>
        <translation>Outreach Desktop – gesperrt</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Gesperrt</translation>
    </message>
</context>
<context>
    <name>MapDialog</name>
    <message>
        <source>Documented at the MAP</source>
        <translation>Direkt am MAP dokumentiert</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>&amp;Erfassen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>The appointment was documented directly at the mobile workstation (MAP) in VerBIS. Then no memory protocol is needed, and the follow-up&apos;s VerBIS items are met.</source>
        <translation>Der Termin wurde direkt am mobilen Arbeitsplatz (MAP) in VerBIS dokumentiert. Dann braucht es kein Gedächtnisprotokoll, und die VerBIS-Punkte der Nachbereitung sind erfüllt.</translation>
    </message>
    <message>
        <source>Documented &amp;by</source>
        <translation>Dokumentiert &amp;von</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>An internal error occurred ({kind}). Nothing was changed; details are in the log.</source>
        <translation>Ein interner Programmfehler ist aufgetreten ({kind}). Es wurde nichts verändert; Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <source>Outreach Desktop</source>
        <translation>Outreach Desktop</translation>
    </message>
</context>
<context>
    <name>NewDateDialog</name>
    <message>
        <source>New appointment at another place</source>
        <translation>Neuer Termin an anderem Ort</translation>
    </message>
    <message>
        <source>Plan follow-up appointment</source>
        <translation>Folgetermin planen</translation>
    </message>
    <message>
        <source>&amp;Plan at the other place</source>
        <translation>Am anderen Ort &amp;planen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>The place is unsuitable (noise, unsafe surroundings). This appointment ends as postponed; the new one is linked to it.</source>
        <translation>Der Ort ist ungeeignet (Lärm, unsichere Umgebung). Dieser Termin endet als verschoben; der neue wird mit ihm verknüpft.</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Uhrzeit</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Ort</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Break off appointment</source>
        <translation>Termin abbrechen</translation>
    </message>
    <message>
        <source>&amp;Break off appointment</source>
        <translation>Termin &amp;abbrechen</translation>
    </message>
    <message>
        <source>Cancel appointment</source>
        <translation>Termin absagen</translation>
    </message>
    <message>
        <source>&amp;Cancel appointment</source>
        <translation>Termin ab&amp;sagen</translation>
    </message>
    <message>
        <source>Postpone appointment</source>
        <translation>Termin verschieben</translation>
    </message>
    <message>
        <source>&amp;Postpone appointment</source>
        <translation>Termin &amp;verschieben</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Breaking off is always possible: the offer is voluntary.</source>
        <translation>Abbrechen ist jederzeit möglich: das Angebot ist freiwillig.</translation>
    </message>
    <message>
        <source>Broken off &amp;by</source>
        <translation>Abgebrochen &amp;von</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>The new date is planned as a follow-up appointment linked to this one. If it is not known yet, say so; plan it later from the appointment.</source>
        <translation>Der neue Termin wird als Folgetermin geplant und mit diesem verknüpft. Ist er noch nicht bekannt, bitte ankreuzen; er kann später am Termin geplant werden.</translation>
    </message>
    <message>
        <source>New &amp;date</source>
        <translation>Neues &amp;Datum</translation>
    </message>
    <message>
        <source>New &amp;time</source>
        <translation>Neue &amp;Uhrzeit</translation>
    </message>
    <message>
        <source>New date not known yet</source>
        <translation>Neuer Termin noch nicht bekannt</translation>
    </message>
</context>
<context>
    <name>PdfSaving</name>
    <message>
        <source>• {what} is missing – set it under {where}.</source>
        <translation>• {what} fehlt – einzutragen unter {where}.</translation>
    </message>
    <message>
        <source>Contact details missing</source>
        <translation>Kontaktangaben fehlen</translation>
    </message>
    <message>
        <source>Without these details the client cannot answer:
{lines}</source>
        <translation>Ohne diese Angaben kann die Kundin oder der Kunde nicht antworten:
{lines}</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Als PDF speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>The file {name} already exists in {folder}. Replace it with the new PDF?</source>
        <translation>Die Datei {name} gibt es in {folder} schon. Durch die neue PDF-Datei ersetzen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>The PDF file is NOT encrypted and contains personal data (Sozialdaten). Save it only where it is protected, and delete it when it is no longer needed.</source>
        <translation>Die PDF-Datei ist NICHT verschlüsselt und enthält Sozialdaten. Speichern Sie sie nur an einem geschützten Ort und löschen Sie sie, sobald sie nicht mehr gebraucht wird.</translation>
    </message>
    <message>
        <source>Save unencrypted</source>
        <translation>Unverschlüsselt speichern</translation>
    </message>
    <message>
        <source>{when} · {document} saved as PDF (unencrypted)</source>
        <translation>{when} · {document} als PDF gespeichert (unverschlüsselt)</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quartal</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Kind of period</source>
        <translation>Art des Zeitraums</translation>
    </message>
    <message>
        <source>Quarter {n}</source>
        <translation>{n}. Quartal</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>The document could not be prepared for printing.</source>
        <translation>Das Dokument konnte nicht für den Druck vorbereitet werden.</translation>
    </message>
    <message>
        <source>Printing into a file is not possible here; please use “Save as PDF”.</source>
        <translation>Drucken in eine Datei ist hier nicht möglich; bitte „Als PDF speichern“ verwenden.</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Druckvorschau</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken …</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>No printer is set up on this computer. Use “Save as PDF…” beside the print button to keep the document as a file and print it elsewhere.</source>
        <translation>Auf diesem Rechner ist kein Drucker eingerichtet. Mit „Als PDF speichern …“ neben der Drucktaste lässt sich das Dokument als Datei sichern und an einem anderen Rechner drucken.</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>Kein Drucker</translation>
    </message>
</context>
<context>
    <name>ProgressRun</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten …</translation>
    </message>
</context>
<context>
    <name>ProtocolEditor</name>
    <message>
        <source>Memory protocol</source>
        <translation>Gedächtnisprotokoll</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Speicherstand</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Transfer (VerBIS)</source>
        <translation>Übernahme (VerBIS)</translation>
    </message>
    <message>
        <source>&amp;Finalize…</source>
        <translation>&amp;Abschließen …</translation>
    </message>
    <message>
        <source>Add a&amp;ddendum…</source>
        <translation>&amp;Nachtrag …</translation>
    </message>
    <message>
        <source>&amp;Countersign</source>
        <translation>&amp;Gegenzeichnen</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken …</translation>
    </message>
    <message>
        <source>Met on {met} · written on {written}</source>
        <translation>Gespräch am {met} · geschrieben am {written}</translation>
    </message>
    <message>
        <source>Staff: {staff} · others present: {others}</source>
        <translation>Mitarbeitende: {staff} · weitere Anwesende: {others}</translation>
    </message>
    <message>
        <source>Finalized – read only. Corrections are added as addenda ({n} so far).</source>
        <translation>Abgeschlossen – nur lesbar. Korrekturen kommen als Nachtrag hinzu (bisher: {n}).</translation>
    </message>
    <message>
        <source>Saved as PDF</source>
        <translation>Als PDF gespeichert</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Als PDF spe&amp;ichern …</translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation>Ergebnis: {outcome}</translation>
    </message>
    <message>
        <source>Unsaved changes…</source>
        <translation>Ungespeicherte Änderungen …</translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>Gespeichert um {time}</translation>
    </message>
    <message>
        <source>Still empty: {fields}.</source>
        <translation>Noch leer: {fields}.</translation>
    </message>
    <message>
        <source>Success is still rated “open”.</source>
        <translation>Der Erfolg ist noch als „noch offen“ eingeschätzt.</translation>
    </message>
    <message>
        <source>Finalize</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>After finalizing, the protocol cannot be changed any more; corrections become addenda. Finalize now?</source>
        <translation>Nach dem Abschließen lässt sich das Protokoll nicht mehr ändern; Korrekturen werden Nachträge. Jetzt abschließen?</translation>
    </message>
    <message>
        <source>Finalizing…</source>
        <translation>Wird abgeschlossen …</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Wird erstellt …</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>The protocol could not be saved: {error}

Close anyway and lose the changes since the last save?</source>
        <translation>Das Protokoll konnte nicht gespeichert werden: {error}

Trotzdem schließen und die Änderungen seit dem letzten Speichern verwerfen?</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Ohne Speichern schließen</translation>
    </message>
</context>
<context>
    <name>ProtocolForm</name>
    <message>
        <source>Addendum {when}</source>
        <translation>Nachtrag {when}</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg: Einschätzung</translation>
    </message>
    <message>
        <source>Entry in VerBIS needed</source>
        <translation>Eintrag in VerBIS nötig</translation>
    </message>
    <message>
        <source>Benefit-relevant: e-Akte, inform Leistungsgewährung</source>
        <translation>Leistungsrelevant: e-Akte, Leistungsgewährung informieren</translation>
    </message>
    <message>
        <source>Inform network partners</source>
        <translation>Netzwerkpartner informieren</translation>
    </message>
    <message>
        <source>Information to the main caseworker</source>
        <translation>Information an die Hauptbetreuung</translation>
    </message>
    <message>
        <source>Plan f&amp;ollow-up…</source>
        <translation>&amp;Folgetermin planen …</translation>
    </message>
    <message>
        <source>Plan follow-up appointment</source>
        <translation>Folgetermin planen</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Folgetermin</translation>
    </message>
</context>
<context>
    <name>ProtocolsPage</name>
    <message>
        <source>&amp;Anonymous counselling…</source>
        <translation>An&amp;onyme Beratung …</translation>
    </message>
    <message>
        <source>Anonymous counselling</source>
        <translation>Anonyme Beratung</translation>
    </message>
    <message>
        <source>Memory protocols</source>
        <translation>Gedächtnisprotokolle</translation>
    </message>
    <message>
        <source>No memory protocols yet. Write one from an appointment&apos;s follow-up, or with “New” (Ctrl+N) for a meeting without an appointment.</source>
        <translation>Noch keine Gedächtnisprotokolle. Schreiben Sie eines in der Nachbereitung eines Termins oder mit „Neu“ (Strg+N) für ein Gespräch ohne Termin.</translation>
    </message>
    <message>
        <source>Anonymous counselling: {total} recorded, {month} of them this month.</source>
        <translation>Anonyme Beratungen: {total} erfasst, davon {month} in diesem Monat.</translation>
    </message>
    <message>
        <source>No anonymous counselling recorded yet.</source>
        <translation>Noch keine anonyme Beratung erfasst.</translation>
    </message>
    <message>
        <source>Recorded: day, approach, duration and staff only.</source>
        <translation>Erfasst: nur Tag, Handlungsansatz, Dauer und Mitarbeitende.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>State of the entry</source>
        <translation>Stand des Eintrags</translation>
    </message>
    <message>
        <source>Copy status</source>
        <translation>Kopierstatus</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;Ablehnen …</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Übernahme</translation>
    </message>
    <message>
        <source>Nothing to enter for this entry: it came along as the context of the others and is kept here.</source>
        <translation>Für diesen Eintrag ist nichts zu übernehmen: Er kam als Zusammenhang der anderen Einträge mit und bleibt hier gespeichert.</translation>
    </message>
    <message>
        <source>set by {who} on {when}</source>
        <translation>gesetzt von {who} am {when}</translation>
    </message>
    <message>
        <source>Rejected by {who} on {when}: {reason}</source>
        <translation>Abgelehnt von {who} am {when}: {reason}</translation>
    </message>
    <message>
        <source>Transferred: nothing to enter.</source>
        <translation>Übernommen: nichts einzutragen.</translation>
    </message>
    <message>
        <source>Transferred: every mark that applies is set.</source>
        <translation>Übernommen: alle nötigen Vermerke sind gesetzt.</translation>
    </message>
    <message>
        <source>Open – still missing: {missing}</source>
        <translation>Offen – es fehlt noch: {missing}</translation>
    </message>
    <message>
        <source>Set mark</source>
        <translation>Vermerk setzen</translation>
    </message>
    <message>
        <source>Set “{mark}” for “{title}”?

A mark cannot be taken back. It is stored with your name ({who}) and the time, and holds for this version of the entry.</source>
        <translation>„{mark}“ für „{title}“ setzen?

Ein gesetzter Vermerk kann nicht zurückgenommen werden. Er wird mit Ihrem Namen ({who}) und der Uhrzeit gespeichert und gilt für diese Fassung des Eintrags.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Agency recovery key</source>
        <translation>Wiederherstellungsschlüssel der Dienststelle</translation>
    </message>
    <message>
        <source>With this key your agency&apos;s office can open the vault if your passphrase is lost. Enter the public key the office gave you (it starts with age1).</source>
        <translation>Mit diesem Schlüssel kann Ihre Dienststelle den Tresor öffnen, wenn Ihre Passphrase verloren ist. Geben Sie den öffentlichen Schlüssel ein, den Sie von der Dienststelle erhalten haben (er beginnt mit age1).</translation>
    </message>
    <message>
        <source>&amp;Recovery key</source>
        <translation>&amp;Wiederherstellungsschlüssel</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject entry</source>
        <translation>Eintrag ablehnen</translation>
    </message>
    <message>
        <source>“{title}” is not entered. The laptop learns why with the next receipt, so the caseworker can correct it; a corrected version comes in anew.</source>
        <translation>„{title}“ wird nicht übernommen. Der Laptop erfährt den Grund mit der nächsten Quittung, damit die Kollegin oder der Kollege ihn korrigieren kann; eine korrigierte Fassung kommt neu in den Posteingang.</translation>
    </message>
    <message>
        <source>Reason for the rejection</source>
        <translation>Grund der Ablehnung</translation>
    </message>
    <message>
        <source>&amp;Reason (required)</source>
        <translation>&amp;Grund (erforderlich)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>RulesBox</name>
    <message>
        <source>Rules of the agency (read only)</source>
        <translation>Regeln der Dienststelle (nur lesbar)</translation>
    </message>
    <message>
        <source>Failed calls before announcing a home visit</source>
        <translation>Erfolglose Anrufe vor der Ankündigung eines Hausbesuchs</translation>
    </message>
    <message>
        <source>Announcement</source>
        <translation>Ankündigung</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Erinnerung</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Problem with the agency&apos;s rules</source>
        <translation>Problem mit den Regeln der Dienststelle</translation>
    </message>
    <message>
        <source>{opens} to {due} days before the visit, at least {notice} days ahead</source>
        <translation>{opens} bis {due} Tage vor dem Besuch, mindestens {notice} Tage vorher</translation>
    </message>
    <message>
        <source>{opens} to {due} days before the visit</source>
        <translation>{opens} bis {due} Tage vor dem Besuch</translation>
    </message>
    <message>
        <source>Setup file of the agency ({name})</source>
        <translation>Einrichtungsdatei der Dienststelle ({name})</translation>
    </message>
    <message>
        <source>Site configuration ({path}, [rules])</source>
        <translation>Standortkonfiguration ({path}, [rules])</translation>
    </message>
    <message>
        <source>The agency&apos;s instruction (defaults; the site configuration&apos;s rules are not usable)</source>
        <translation>Dienstanweisung (Vorgaben; die Regeln der Standortkonfiguration sind nicht nutzbar)</translation>
    </message>
    <message>
        <source>The agency&apos;s instruction (defaults, nothing is configured)</source>
        <translation>Dienstanweisung (Vorgaben, nichts konfiguriert)</translation>
    </message>
</context>
<context>
    <name>SaveTarget</name>
    <message>
        <source>Replace file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>The file {name} already exists in {folder}. Replace it?</source>
        <translation>Die Datei {name} gibt es in {folder} schon. Ersetzen?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Ersetzen</translation>
    </message>
    <message>
        <source>Save unencrypted</source>
        <translation>Unverschlüsselt speichern</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Client</source>
        <translation>Kundin/Kunde</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Memory protocol</source>
        <translation>Gedächtnisprotokoll</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Search clients, appointments and protocols…</source>
        <translation>Kundinnen und Kunden, Termine und Protokolle durchsuchen …</translation>
    </message>
    <message>
        <source>Full-text search</source>
        <translation>Volltextsuche</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>More than {n} entries match: the best of the newest {n} are shown. More words narrow the search.</source>
        <translation>Mehr als {n} Einträge passen: die besten der neuesten {n} werden angezeigt. Weitere Wörter grenzen die Suche ein.</translation>
    </message>
    <message>
        <source>Nothing found for “{query}”.</source>
        <translation>Nichts gefunden für „{query}“.</translation>
    </message>
    <message>
        <source>Type a name, a place or words from a protocol. Matches are marked.</source>
        <translation>Geben Sie einen Namen, einen Ort oder Wörter aus einem Protokoll ein. Treffer werden hervorgehoben.</translation>
    </message>
    <message>
        <source>finalized</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>… and {n} more – show {m} of them</source>
        <translation>… und {n} weitere – {m} davon anzeigen</translation>
    </message>
</context>
<context>
    <name>SettingsNotice</name>
    <message>
        <source>The settings file {path} could not be used, so the default settings apply.</source>
        <translation>Die Einstellungsdatei {path} ließ sich nicht verwenden; es gelten die Standardeinstellungen.</translation>
    </message>
    <message>
        <source>It was kept as {kept}; a new one is written when you next change a setting.</source>
        <translation>Sie liegt jetzt unter {kept}; beim nächsten Ändern einer Einstellung entsteht eine neue.</translation>
    </message>
    <message>
        <source>Settings reset</source>
        <translation>Einstellungen zurückgesetzt</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation>Sperren nach Inaktivität</translation>
    </message>
    <message>
        <source>&amp;Lock after inactivity</source>
        <translation>&amp;Sperren nach Inaktivität</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>Spr&amp;ache</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation>Planung</translation>
    </message>
    <message>
        <source>Time buffer &amp;Walk and Talk</source>
        <translation>Zeitpuffer Wal&amp;k and Talk</translation>
    </message>
    <message>
        <source>Time buffer a&amp;ccompaniment</source>
        <translation>Zeitpuffer Be&amp;gleitung zu Dritten</translation>
    </message>
    <message>
        <source>Time buffer h&amp;ome visit</source>
        <translation>Zeitpuffer &amp;Hausbesuch</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>Briefkopf</translation>
    </message>
    <message>
        <source>Empty fields use the agency&apos;s settings (agency.toml).</source>
        <translation>Leere Felder übernehmen die Vorgaben der Dienststelle (agency.toml).</translation>
    </message>
    <message>
        <source>Agency &amp;name</source>
        <translation>Name der &amp;Dienststelle</translation>
    </message>
    <message>
        <source>Depart&amp;ment</source>
        <translation>Bere&amp;ich</translation>
    </message>
    <message>
        <source>S&amp;treet</source>
        <translation>Stra&amp;ße</translation>
    </message>
    <message>
        <source>Postcode and &amp;city</source>
        <translation>PLZ und &amp;Ort</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Website</source>
        <translation>Webseite</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>Tresor</translation>
    </message>
    <message>
        <source>Vault details</source>
        <translation>Angaben zum Tresor</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>&amp;Passphrase ändern …</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Passphrase ändern</translation>
    </message>
    <message>
        <source>C&amp;heck vault</source>
        <translation>Tresor prü&amp;fen</translation>
    </message>
    <message>
        <source>Check vault</source>
        <translation>Tresor prüfen</translation>
    </message>
    <message>
        <source>Set up &amp;recovery key…</source>
        <translation>&amp;Wiederherstellungsschlüssel hinterlegen …</translation>
    </message>
    <message>
        <source>Set up recovery key</source>
        <translation>Wiederherstellungsschlüssel hinterlegen</translation>
    </message>
    <message>
        <source>Folder: {path}</source>
        <translation>Ordner: {path}</translation>
    </message>
    <message>
        <source>Schema version: {v}</source>
        <translation>Schema-Version: {v}</translation>
    </message>
    <message>
        <source>Passphrase key: {detail}</source>
        <translation>Passphrase-Schlüssel: {detail}</translation>
    </message>
    <message>
        <source>Recovery by the agency: {state}</source>
        <translation>Wiederherstellung durch die Dienststelle: {state}</translation>
    </message>
    <message>
        <source>set up</source>
        <translation>eingerichtet</translation>
    </message>
    <message>
        <source>not set up</source>
        <translation>nicht eingerichtet</translation>
    </message>
    <message>
        <source>The language changes the next time Outreach Desktop starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Outreach Desktop.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>The passphrase has been changed.</source>
        <translation>Die Passphrase wurde geändert.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft …</translation>
    </message>
    <message>
        <source>The vault is damaged:
{problems}</source>
        <translation>Der Tresor ist beschädigt:
{problems}</translation>
    </message>
    <message>
        <source>The vault is intact.</source>
        <translation>Der Tresor ist in Ordnung.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Full-text search over clients, appointments and protocols</source>
        <translation>Volltextsuche über Kundinnen und Kunden, Termine und Protokolle</translation>
    </message>
    <message>
        <source>Search the list on the current page</source>
        <translation>Die Liste der aktuellen Seite durchsuchen</translation>
    </message>
    <message>
        <source>New entry on the current page</source>
        <translation>Neuer Eintrag auf der aktuellen Seite</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabetaste</translation>
    </message>
    <message>
        <source>Open the selected entry</source>
        <translation>Den gewählten Eintrag öffnen</translation>
    </message>
    <message>
        <source>Delete the selected entry (asks first)</source>
        <translation>Den gewählten Eintrag löschen (mit Rückfrage)</translation>
    </message>
    <message>
        <source>Save the protocol now (it also saves by itself)</source>
        <translation>Protokoll sofort speichern (es speichert auch von selbst)</translation>
    </message>
    <message>
        <source>Lock now (also inside dialogs)</source>
        <translation>Jetzt sperren (auch in Dialogen)</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt + unterstrichener Buchstabe</translation>
    </message>
    <message>
        <source>Button or field with that letter</source>
        <translation>Schaltfläche oder Feld mit diesem Buchstaben</translation>
    </message>
    <message>
        <source>Close the dialog; what was typed in a protocol is kept</source>
        <translation>Dialog schließen; in einem Protokoll Getipptes bleibt erhalten</translation>
    </message>
    <message>
        <source>This overview</source>
        <translation>Diese Übersicht</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Bewirkt</translation>
    </message>
</context>
<context>
    <name>SignOnScreenDialog</name>
    <message>
        <source>Sign on screen</source>
        <translation>Auf dem Bildschirm unterschreiben</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>&amp;Unterschreiben</translation>
    </message>
    <message>
        <source>{kind}: please read the form with the client (print preview), then let them sign below. Only the picture of the signature is kept.</source>
        <translation>{kind}: Bitte das Formular gemeinsam lesen (Vorschau), dann unten unterschreiben lassen. Gespeichert wird nur das Bild der Unterschrift.</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Clear signature</source>
        <translation>Unterschrift löschen</translation>
    </message>
    <message>
        <source>Signature of the client</source>
        <translation>Unterschrift der Kundin/des Kunden</translation>
    </message>
    <message>
        <source>Please sign in the field first.</source>
        <translation>Bitte zuerst im Feld unterschreiben.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature field</source>
        <translation>Unterschriftsfeld</translation>
    </message>
    <message>
        <source>Sign here with the mouse, a finger or a pen.</source>
        <translation>Hier mit Maus, Finger oder Stift unterschreiben.</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Unterschrift</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>New colleague</source>
        <translation>Neue Mitarbeiterin / neuer Mitarbeiter</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Mitarbeiterin/Mitarbeiter</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>&amp;Bereich</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;Team leader</source>
        <translation>&amp;Führungskraft</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Staff</source>
        <translation>Mitarbeitende</translation>
    </message>
    <message>
        <source>No colleagues yet. Create one with “New” (Ctrl+N).</source>
        <translation>Noch keine Kolleginnen und Kollegen. Mit „Neu“ (Strg+N) anlegen.</translation>
    </message>
</context>
<context>
    <name>StandaloneProtocolDialog</name>
    <message>
        <source>New memory protocol</source>
        <translation>Neues Gedächtnisprotokoll</translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation>Namen eingeben …</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Kundin/Kunde</translation>
    </message>
    <message>
        <source>&amp;Approach</source>
        <translation>&amp;Handlungsansatz</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Uhrzeit</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>A home visit is normally made by two; the second countersigns.</source>
        <translation>Ein Hausbesuch wird in der Regel zu zweit gemacht; die zweite Person zeichnet gegen.</translation>
    </message>
    <message>
        <source>&amp;Second staff member</source>
        <translation>&amp;Zweite Person</translation>
    </message>
</context>
<context>
    <name>SyncLogDialog</name>
    <message>
        <source>Handover log</source>
        <translation>Übergabeprotokoll</translation>
    </message>
    <message>
        <source>Every bundle read, every receipt written and every conflict decided, newest first. The log holds no personal data: ids, counts and results only.</source>
        <translation>Jede eingelesene Übergabe, jede geschriebene Quittung und jeder entschiedene Konflikt, das Neueste zuerst. Das Protokoll enthält keine Personendaten: nur Kennungen, Anzahlen und Ergebnisse.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
</context>
<context>
    <name>TalkDialog</name>
    <message>
        <source>Log a talk with a third party</source>
        <translation>Gespräch mit Dritten erfassen</translation>
    </message>
    <message>
        <source>&amp;Log talk</source>
        <translation>Gespräch &amp;erfassen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>A talk about the client in their absence needs a release from confidentiality that names the third party and was in force then. Keep only a short note here: what was said belongs in the protocol.</source>
        <translation>Ein Gespräch über die Kundin/den Kunden in ihrer/seiner Abwesenheit braucht eine Schweigepflichtentbindung, die die dritte Stelle nennt und zu dem Zeitpunkt galt. Hier nur eine kurze Notiz: Was besprochen wurde, gehört ins Protokoll.</translation>
    </message>
    <message>
        <source>— no release naming a third party given yet —</source>
        <translation>— noch keine Schweigepflichtentbindung mit dritter Stelle erteilt —</translation>
    </message>
    <message>
        <source>&amp;Release (third party)</source>
        <translation>&amp;Schweigepflichtentbindung (dritte Stelle)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>&amp;Uhrzeit</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <source>{party} · revoked on {day}</source>
        <translation>{party} · widerrufen am {day}</translation>
    </message>
    <message>
        <source>{party} · valid until {day}</source>
        <translation>{party} · gültig bis {day}</translation>
    </message>
</context>
<context>
    <name>TalksBox</name>
    <message>
        <source>Talks with third parties (client absent)</source>
        <translation>Gespräche mit Dritten (in Abwesenheit der Kundin/des Kunden)</translation>
    </message>
    <message>
        <source>Talks with third parties</source>
        <translation>Gespräche mit Dritten</translation>
    </message>
    <message>
        <source>No talk with a third party logged.</source>
        <translation>Noch kein Gespräch mit Dritten erfasst.</translation>
    </message>
    <message>
        <source>&amp;Log a talk with a third party…</source>
        <translation>Gespräch mit Dritten &amp;erfassen …</translation>
    </message>
    <message>
        <source>{when} · {party} · under the release given on {given}</source>
        <translation>{when} · {party} · auf Grund der Schweigepflichtentbindung vom {given}</translation>
    </message>
</context>
<context>
    <name>TemplateMenus</name>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Template for {field}</source>
        <translation>Vorlage für {field}</translation>
    </message>
    <message>
        <source>Other approaches</source>
        <translation>Andere Handlungsansätze</translation>
    </message>
    <message>
        <source>Save this text as my template</source>
        <translation>Diesen Text als eigene Vorlage speichern</translation>
    </message>
    <message>
        <source>Delete my template</source>
        <translation>Eigene Vorlage löschen</translation>
    </message>
    <message>
        <source>Saved as your template “{title}”.</source>
        <translation>Als eigene Vorlage „{title}“ gespeichert.</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Vorlage löschen</translation>
    </message>
    <message>
        <source>Delete your template “{title}”? Protocols that used it keep their text.</source>
        <translation>Ihre Vorlage „{title}“ löschen? Protokolle, die sie verwendet haben, behalten ihren Text.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>TextLimit</name>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Inserted text shortened: %1 characters did not fit (at most %2).</source>
        <translation>Eingefügter Text gekürzt: %1 Zeichen passten nicht hinein (höchstens %2).</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 Zeichen</translation>
    </message>
    <message>
        <source>please shorten the text</source>
        <translation>bitte kürzen</translation>
    </message>
    <message>
        <source>the limit is reached</source>
        <translation>Höchstgrenze erreicht</translation>
    </message>
</context>
<context>
    <name>ThirdPartiesPage</name>
    <message>
        <source>Third parties</source>
        <translation>Dritte</translation>
    </message>
    <message>
        <source>No third parties yet: authorities, schools, training providers, social services…
Create one with “New” (Ctrl+N).</source>
        <translation>Noch keine Dritten: Behörden, Schulen, Bildungsträger, soziale Dienste …
Mit „Neu“ (Strg+N) anlegen.</translation>
    </message>
</context>
<context>
    <name>ThirdPartyDialog</name>
    <message>
        <source>New third party</source>
        <translation>Neue dritte Stelle</translation>
    </message>
    <message>
        <source>Third party</source>
        <translation>Dritte Stelle</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>A&amp;rt</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Anschrift</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>&amp;Kontakt</translation>
    </message>
    <message>
        <source>Contact person, phone, e-mail</source>
        <translation>Ansprechperson, Telefon, E-Mail</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Calls and letters</source>
        <translation>Anrufe und Briefe</translation>
    </message>
    <message>
        <source>Call attempts</source>
        <translation>Anrufversuche</translation>
    </message>
    <message>
        <source>Log &amp;call…</source>
        <translation>Anruf &amp;erfassen …</translation>
    </message>
    <message>
        <source>Log call</source>
        <translation>Anruf erfassen</translation>
    </message>
    <message>
        <source>Remove call</source>
        <translation>Anruf entfernen</translation>
    </message>
    <message>
        <source>Mark as sent…</source>
        <translation>Als versendet eintragen …</translation>
    </message>
    <message>
        <source>Mark as sent: {kind}</source>
        <translation>Als versendet eintragen: {kind}</translation>
    </message>
    <message>
        <source>Timeline warnings</source>
        <translation>Hinweise zum Zeitplan</translation>
    </message>
    <message>
        <source>visit agreed</source>
        <translation>Termin vereinbart</translation>
    </message>
    <message>
        <source>Failed call attempts: {n} (needed before the announcement: {min})</source>
        <translation>Erfolglose Anrufversuche: {n} (vor der Ankündigung nötig: {min})</translation>
    </message>
    <message>
        <source>Visit agreed by phone: announcement and reminder are optional; a confirmation letter fits.</source>
        <translation>Termin telefonisch vereinbart: Ankündigung und Erinnerung sind freiwillig; eine Terminbestätigung passt.</translation>
    </message>
    <message>
        <source>{kind}: {opens} – {due} · {state}</source>
        <translation>{kind}: {opens} – {due} · {state}</translation>
    </message>
    <message>
        <source>on {day}</source>
        <translation>am {day}</translation>
    </message>
    <message>
        <source>Undo “sent”</source>
        <translation>„Versendet“ zurücknehmen</translation>
    </message>
    <message>
        <source>Remove this call attempt?</source>
        <translation>Diesen Anrufversuch entfernen?</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the sent date of this letter?</source>
        <translation>Das Versanddatum dieses Briefs entfernen?</translation>
    </message>
    <message>
        <source>Mark as sent anyway</source>
        <translation>Trotzdem als versendet vermerken</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>&amp;Plan appointment…</source>
        <translation>Termin &amp;planen …</translation>
    </message>
    <message>
        <source>Plan appointment</source>
        <translation>Termin planen</translation>
    </message>
    <message>
        <source>Next {days} days</source>
        <translation>Nächste {days} Tage</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>Heute, {date}</translation>
    </message>
    <message>
        <source>No appointments today. Plan one with “Plan appointment…”.</source>
        <translation>Heute stehen keine Termine an. Mit „Termin planen …“ einen anlegen.</translation>
    </message>
    <message>
        <source>&amp;Outside appointments…</source>
        <translation>&amp;Außentermine …</translation>
    </message>
    <message>
        <source>Print today&apos;s outside appointments for the team board, or save them as PDF</source>
        <translation>Die heutigen Außentermine für die Teamtafel drucken oder als PDF speichern</translation>
    </message>
    <message>
        <source>Handover to the office</source>
        <translation>Übergabe ans Büro</translation>
    </message>
    <message>
        <source>Letters due</source>
        <translation>Fällige Briefe</translation>
    </message>
    <message>
        <source>Outcomes without a memory protocol</source>
        <translation>Ergebnisse ohne Gedächtnisprotokoll</translation>
    </message>
    <message>
        <source>Memory protocols not yet finalized</source>
        <translation>Gedächtnisprotokolle noch nicht abgeschlossen</translation>
    </message>
    <message>
        <source>Follow-up still open</source>
        <translation>Nachbereitung offen</translation>
    </message>
    <message>
        <source>Past appointments without an outcome</source>
        <translation>Vergangene Termine ohne Ergebnis</translation>
    </message>
    <message>
        <source>Nothing planned for the next {days} days.</source>
        <translation>Für die nächsten {days} Tage ist nichts geplant.</translation>
    </message>
    <message>
        <source>Handover to the office: {n} records wait since {day} (Ctrl+8).</source>
        <translation>Übergabe ans Büro: {n} Einträge warten seit {day} (Strg+8).</translation>
    </message>
    <message>
        <source>{kind} for {who} (visit on {visit}): overdue since {due}</source>
        <translation>{kind} an {who} (Hausbesuch am {visit}): überfällig seit {due}</translation>
    </message>
    <message>
        <source>{kind} for {who} (visit on {visit}): due on {due}</source>
        <translation>{kind} an {who} (Hausbesuch am {visit}): fällig am {due}</translation>
    </message>
    <message>
        <source>follow-up {done}/{total}</source>
        <translation>Nachbereitung {done}/{total}</translation>
    </message>
    <message>
        <source>checklist {done}/{total}</source>
        <translation>Checkliste {done}/{total}</translation>
    </message>
    <message>
        <source>ready to close</source>
        <translation>bereit zum Abschließen</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonym</translation>
    </message>
    <message>
        <source>open for {n} days</source>
        <translation>seit {n} Tagen offen</translation>
    </message>
    <message>
        <source>(no topics yet)</source>
        <translation>(noch keine Themen)</translation>
    </message>
</context>
<context>
    <name>WeekAgenda</name>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ Vorige Woche</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Vorige Woche</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>Nächste Woche ▶</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <source>Week {week}: {first} – {last}</source>
        <translation>KW {week}: {first} – {last}</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonym</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Outreach Desktop</source>
        <translation>Outreach Desktop</translation>
    </message>
    <message>
        <source>Outreach counselling – offline and encrypted</source>
        <translation>Aufsuchende Beratung – offline und verschlüsselt</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>&amp;New profile…</source>
        <translation>&amp;Neues Profil …</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>P&amp;rofil</translation>
    </message>
    <message>
        <source>P&amp;assphrase</source>
        <translation>Pass&amp;phrase</translation>
    </message>
    <message>
        <source>Choose your profile and enter your passphrase.</source>
        <translation>Profil wählen und Passphrase eingeben.</translation>
    </message>
    <message>
        <source>Welcome! Create your profile first: a personal, encrypted vault protected by your passphrase.</source>
        <translation>Willkommen! Legen Sie zuerst Ihr Profil an: einen persönlichen, verschlüsselten Tresor, geschützt durch Ihre Passphrase.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wird entsperrt …</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Kundinnen und Kunden</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Protokolle</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Third parties</source>
        <translation>Dritte</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Mitarbeitende</translation>
    </message>
    <message>
        <source>Handover</source>
        <translation>Übergabe</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Posteingang</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
</context>
</TS>
