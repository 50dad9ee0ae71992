"""Packaging hook: a wheel carries the app's resources (checklists, demo data, the exchange's
JSON Schemas, forms, fonts, templates) inside the package, under
outreach_desktop/_built/resources. Everything else is pyproject.toml."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

PACKAGED = ("checklists", "demo", "exchange", "fonts", "forms", "templates")


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        source = Path(__file__).resolve().parent / "resources"
        target = Path(self.build_lib) / "outreach_desktop" / "_built" / "resources"
        for name in PACKAGED:
            shutil.copytree(source / name, target / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithResources})
