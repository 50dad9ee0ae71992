"""Einstellungen › Regeln der Dienststelle: the failed calls needed before a home visit is
announced and the letter windows, shown read-only with where they come from (the joined
agency's setup file, the site configuration, or the instruction's defaults). A caseworker cannot
change or switch off a rule here; the agency or its IT sets them."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from outreach_desktop.domain.agency import RulesInForce, RulesSource
from outreach_desktop.services.session import Session
from outreach_desktop.ui.widgets.common import style_error


class RulesBox(QGroupBox):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setTitle(self.tr("Rules of the agency (read only)"))
        form = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        for name, text in (
            ("calls", self.tr("Failed calls before announcing a home visit")),
            ("announcement", self.tr("Announcement")),
            ("reminder", self.tr("Reminder")),
            ("source", self.tr("Source")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setAccessibleName(text)
            self.values[name] = value
            form.addRow(text + ":", value)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        style_error(self.problem)
        self.problem.setAccessibleName(self.tr("Problem with the agency's rules"))
        form.addRow(self.problem)

    def refresh(self) -> None:
        rules = self.session.rules
        t = rules.timeline
        self.values["calls"].setText(str(t.min_failed_calls))
        self.values["announcement"].setText(self.tr(
            "{opens} to {due} days before the visit, at least {notice} days ahead"
        ).format(opens=t.announcement_opens_days, due=t.announcement_due_days,
                 notice=t.min_notice_days))  # fmt: skip
        self.values["reminder"].setText(self.tr("{opens} to {due} days before the visit").format(
            opens=t.reminder_opens_days, due=t.reminder_due_days))  # fmt: skip
        self.values["source"].setText(self._source(rules))
        self.problem.setText(rules.problem)
        self.problem.setVisible(bool(rules.problem))

    def _source(self, rules: RulesInForce) -> str:
        if rules.source is RulesSource.SETUP:
            return self.tr("Setup file of the agency ({name})").format(name=rules.detail)
        if rules.source is RulesSource.SITE:
            return self.tr("Site configuration ({path}, [rules])").format(path=rules.detail)
        if rules.problem:
            return self.tr(
                "The agency's instruction (defaults; the site configuration's rules are not usable)"
            )
        return self.tr("The agency's instruction (defaults, nothing is configured)")
