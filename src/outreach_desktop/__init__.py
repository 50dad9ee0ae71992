"""Outreach Desktop: offline tool for outreach counselling in German Jobcenters."""

__version__ = "0.1.0"
APP_NAME = "outreach-desktop"
