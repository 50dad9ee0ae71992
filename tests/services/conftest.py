"""Fixtures of the service tests: a laptop with the demo and its office (testkit/stations.py)."""

from testkit.stations import station_folders, stations, stations_template  # noqa: F401
