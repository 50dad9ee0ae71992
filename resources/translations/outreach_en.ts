<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="de">
<context>
    <name>Labels</name>
    <message>
        <source>Ankündigung des Hausbesuchs</source>
        <translation>Announcement of the home visit</translation>
    </message>
    <message>
        <source>Erinnerung an den Hausbesuch</source>
        <translation>Reminder of the home visit</translation>
    </message>
    <message>
        <source>Terminbestätigung</source>
        <translation>Appointment confirmation</translation>
    </message>
    <message>
        <source>Einverständniserklärung zum Hausbesuch</source>
        <translation>Consent to the home visit</translation>
    </message>
    <message>
        <source>Schweigepflichtentbindung</source>
        <translation>Release from confidentiality</translation>
    </message>
    <message>
        <source>Einverständnis zur Anwesenheit weiterer Personen</source>
        <translation>Consent to the presence of others</translation>
    </message>
    <message>
        <source>Einverständnis zur Begleitung</source>
        <translation>Consent to be accompanied</translation>
    </message>
    <message>
        <source>Einverständnis zur Information der Hauptbetreuung</source>
        <translation>Consent to inform the main caseworker</translation>
    </message>
    <message>
        <source>Vorbereitet</source>
        <translation>Prepared</translation>
    </message>
    <message>
        <source>Gedruckt</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Erteilt</source>
        <translation>Given</translation>
    </message>
    <message>
        <source>Abgelehnt</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Widerrufen</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>auf Papier unterschrieben</source>
        <translation>signed on paper</translation>
    </message>
    <message>
        <source>auf dem Bildschirm unterschrieben</source>
        <translation>signed on screen</translation>
    </message>
    <message>
        <source>mündlich erteilt</source>
        <translation>given orally</translation>
    </message>
    <message>
        <source>Vorbereitung</source>
        <translation>Preparation</translation>
    </message>
    <message>
        <source>Vor Ort</source>
        <translation>On site</translation>
    </message>
    <message>
        <source>Nachbereitung</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Termin beginnen</source>
        <translation>begin the appointment</translation>
    </message>
    <message>
        <source>in die Wohnung gehen</source>
        <translation>go into the home</translation>
    </message>
    <message>
        <source>mit weiteren anwesenden Personen fortfahren</source>
        <translation>continue with other persons present</translation>
    </message>
    <message>
        <source>ohne die Kundin/den Kunden mit Dritten sprechen</source>
        <translation>talk to the third party without the client</translation>
    </message>
    <message>
        <source>Nachbereitung abschließen</source>
        <translation>close the follow-up</translation>
    </message>
    <message>
        <source>Kundin/Kunde</source>
        <translation>the client</translation>
    </message>
    <message>
        <source>Gesamt</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Handlungsansatz</source>
        <translation>Approach</translation>
    </message>
    <message>
        <source>Monat</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Mitarbeitende</source>
        <translation>staff</translation>
    </message>
    <message>
        <source>Walk and Talk</source>
        <translation>Walk and Talk</translation>
    </message>
    <message>
        <source>Begleitung zu Dritten</source>
        <translation>Accompaniment to a third party</translation>
    </message>
    <message>
        <source>Hausbesuch</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Geplant</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Läuft</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Durchgeführt</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Im Umfeld durchgeführt</source>
        <translation>Held in the surroundings</translation>
    </message>
    <message>
        <source>An der Tür beendet</source>
        <translation>Ended at the door</translation>
    </message>
    <message>
        <source>Abgebrochen</source>
        <translation>Broken off</translation>
    </message>
    <message>
        <source>Nicht angetroffen</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>Verschoben</source>
        <translation>Postponed</translation>
    </message>
    <message>
        <source>Abgesagt</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Markt und Integration (M&amp;I)</source>
        <translation>Market and integration (M&amp;I)</translation>
    </message>
    <message>
        <source>Leistungsgewährung</source>
        <translation>Benefits</translation>
    </message>
    <message>
        <source>Behörde</source>
        <translation>Authority</translation>
    </message>
    <message>
        <source>Schule</source>
        <translation>School</translation>
    </message>
    <message>
        <source>Bildungsträger</source>
        <translation>Training provider</translation>
    </message>
    <message>
        <source>Sozialer Dienst</source>
        <translation>Social service</translation>
    </message>
    <message>
        <source>Rechtsanwältin/Rechtsanwalt</source>
        <translation>Lawyer</translation>
    </message>
    <message>
        <source>Fachärztin/Facharzt</source>
        <translation>Medical specialist</translation>
    </message>
    <message>
        <source>Sonstige</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Deutsch</source>
        <translation>German</translation>
    </message>
    <message>
        <source>Englisch</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Ukrainisch</source>
        <translation>Ukrainian</translation>
    </message>
    <message>
        <source>Russisch</source>
        <translation>Russian</translation>
    </message>
    <message>
        <source>Türkisch</source>
        <translation>Turkish</translation>
    </message>
    <message>
        <source>Arabisch</source>
        <translation>Arabic</translation>
    </message>
    <message>
        <source>Andere</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Erreicht</source>
        <translation>Reached</translation>
    </message>
    <message>
        <source>Nicht abgenommen</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Besetzt</source>
        <translation>Busy</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Voicemail</translation>
    </message>
    <message>
        <source>Falsche Nummer</source>
        <translation>Wrong number</translation>
    </message>
    <message>
        <source>Ankündigung</source>
        <translation>Announcement</translation>
    </message>
    <message>
        <source>Erinnerung</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Noch nicht fällig</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <source>Zu versenden</source>
        <translation>To be sent</translation>
    </message>
    <message>
        <source>Heute fällig</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Überfällig</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Versendet</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Entfällt (abgesagt)</source>
        <translation>Not needed (cancelled)</translation>
    </message>
    <message>
        <source>Freiwillig (telefonisch vereinbart)</source>
        <translation>Optional (agreed by phone)</translation>
    </message>
    <message>
        <source>erreicht</source>
        <translation>achieved</translation>
    </message>
    <message>
        <source>teilweise erreicht</source>
        <translation>partly achieved</translation>
    </message>
    <message>
        <source>nicht erreicht</source>
        <translation>not achieved</translation>
    </message>
    <message>
        <source>noch offen</source>
        <translation>still open</translation>
    </message>
    <message>
        <source>Kundinnen und Kunden</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Dritte Stellen</source>
        <translation>Third parties</translation>
    </message>
    <message>
        <source>Termine</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <source>Gedächtnisprotokolle</source>
        <translation>Memory protocols</translation>
    </message>
    <message>
        <source>Einwilligungen</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Anonyme Beratungen</source>
        <translation>Anonymous counselling</translation>
    </message>
    <message>
        <source>Empfangsbestätigungen</source>
        <translation>Acknowledgements</translation>
    </message>
    <message>
        <source>Ort aus dem Termin übernommen</source>
        <translation>place taken from the appointment</translation>
    </message>
    <message>
        <source>aus der Einwilligung übernommen</source>
        <translation>taken from the consent record</translation>
    </message>
    <message>
        <source>Mitarbeitende aus dem Termin übernommen</source>
        <translation>staff taken from the appointment</translation>
    </message>
</context>
</TS>
