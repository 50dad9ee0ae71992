"""The Qt Widgets GUI. Talks to services only: no SQL, no file formats, no crypto here."""
