"""The Qt Widgets GUI. Talks to services only: no SQL, no file formats, no crypto here."""

from outreach_desktop.hardening import protect_none

protect_none()  # before the first Qt call; see hardening.py
