"""The Windows MSI definition (packaging/windows/outreach-desktop.wxs), checked here as far as
Linux allows: msitools' wixl builds an MSI from the same definition around a stand-in payload,
and msiinfo reads its tables back. The real build runs on Windows (packaging/windows/build.ps1)."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WXS = ROOT / "packaging" / "windows" / "outreach-desktop.wxs"
NS = {"wix": "http://schemas.microsoft.com/wix/2006/wi"}
UPGRADE_CODE = "{6E2B7A51-3C4D-4F8E-9A61-0D5C2B8E7F13}"
needs_wixl = pytest.mark.skipif(
    not (shutil.which("wixl") and shutil.which("wixl-heat") and shutil.which("msiinfo")),
    reason="msitools' wixl and msiinfo are not installed (apt-get install wixl msitools)",
)


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"])


def table(msi: Path, name: str) -> list[list[str]]:
    out = subprocess.run(["msiinfo", "export", str(msi), name], capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    return [line.split("\t") for line in out.splitlines()[3:]]


@pytest.fixture(scope="module")
def msi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("msi")
    (work / "app" / "_internal").mkdir(parents=True)
    (work / "app" / "outreach-desktop.exe").write_bytes(b"stand-in")
    (work / "app" / "_internal" / "python311.dll").write_bytes(b"stand-in")
    shutil.copytree(ROOT / "packaging" / "site-config", work / "site")
    listing = "outreach-desktop.exe\n_internal/python311.dll\n"
    files = subprocess.run(
        ["wixl-heat", "--var", "var.SourceDir", "--directory-ref", "INSTALLDIR",
         "--component-group", "AppFiles", "--win64", "-p", ""],
        input=listing, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    (work / "files.wxs").write_text(files)
    subprocess.run(
        ["wixl", "-a", "x64", "-D", f"Version={version()}", "-D", "SourceDir=app",
         "-D", "SiteConfigSource=site", "-D", "Win64=yes", "-o", "out.msi", str(WXS),
         "files.wxs"],
        cwd=work, capture_output=True, check=True,
    )  # fmt: skip
    return work / "out.msi"


@needs_wixl
def test_the_msi_carries_version_upgrade_code_and_per_machine_scope(msi: Path) -> None:
    properties = {row[0]: row[1] for row in table(msi, "Property")}
    assert properties["ProductVersion"] == version()
    assert properties["UpgradeCode"] == UPGRADE_CODE
    assert properties["ALLUSERS"] == "1"  # per machine
    upgrades = table(msi, "Upgrade")
    assert {row[0] for row in upgrades} == {UPGRADE_CODE}  # a newer MSI replaces an older one


@needs_wixl
def test_the_msi_has_a_start_menu_entry_and_the_site_folder(msi: Path) -> None:
    shortcuts = table(msi, "Shortcut")
    assert [(row[1], row[2], row[4]) for row in shortcuts] == [
        ("MenuDir", "Outreach Desktop", "[INSTALLDIR]outreach-desktop.exe")
    ]
    directories = {row[0]: (row[1], row[2]) for row in table(msi, "Directory")}
    assert directories["SiteConfigDir"] == ("CommonAppDataFolder", "outreach-desktop")
    assert directories["INSTALLDIR"] == ("ProgramFiles64Folder", "Outreach Desktop")
    installed = {row[2].split("|")[-1] for row in table(msi, "File")}
    assert {"outreach-desktop.exe", "python311.dll", "README.txt"} <= installed


def test_the_site_configuration_survives_upgrade_and_uninstall() -> None:
    """wixl ignores these two attributes; WiX on Windows honours them, so the definition is
    checked itself: IT's files in %PROGRAMDATA%\\outreach-desktop\\ are never removed."""
    root = ET.parse(WXS).getroot()
    site = root.find(".//wix:DirectoryRef[@Id='SiteConfigDir']/wix:Component", NS)
    assert site is not None
    assert site.get("Permanent") == "yes" and site.get("NeverOverwrite") == "yes"
    package = root.find(".//wix:Package", NS)
    assert package is not None and package.get("InstallScope") == "perMachine"
