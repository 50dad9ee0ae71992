"""Fixtures of the service tests: a laptop with the demo and its office (testkit/stations.py)."""

from testkit.stations import stations, stations_template  # noqa: F401
