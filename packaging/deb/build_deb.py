"""Build the Debian package from the frozen app (`make deb`).

Usage: python packaging/deb/build_deb.py DIST_DIR OUT_DIR

DIST_DIR is PyInstaller's onedir output (dist/outreach-desktop). The package installs it under
/opt/outreach-desktop, a launcher in /usr/bin, the desktop entry, icons (SVG + PNG sizes, rendered
here from packaging/icons/outreach-desktop.svg), AppStream metainfo, the site configuration folder
/etc/xdg/outreach-desktop/ with commented examples (conffiles), and the Debian docs. Its Depends
are the packages owning the system libraries the frozen build links against (ldd over every ELF
file, owners from dpkg -S on the build machine) plus what Qt's xcb platform plugin needs.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGING = HERE.parent
ROOT = PACKAGING.parent
NAME = "outreach-desktop"
APP_ID = "org.outreachdesktop.OutreachDesktop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# What Qt's xcb platform plugin and the GUI load at run time (dlopen'ed, so not always visible to
# the linker on the build machine). A bare Debian without these aborts with "Could not load the Qt
# platform plugin 'xcb'".
BASE_DEPENDS = (
    "libc6", "libegl1", "libgl1", "libfontconfig1", "libfreetype6", "libdbus-1-3",
    "libglib2.0-0", "libx11-6", "libx11-xcb1", "libxcb1", "libxcb-cursor0", "libxcb-icccm4",
    "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0", "libxcb-render-util0", "libxcb-render0",
    "libxcb-shape0", "libxcb-shm0", "libxcb-sync1", "libxcb-xfixes0", "libxcb-xkb1",
    "libxkbcommon0", "libxkbcommon-x11-0", "zlib1g",
)  # fmt: skip


def version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return str(data["project"]["version"])


def build_date() -> tuple[int, str]:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())
    return epoch, time.strftime("%Y-%m-%d", time.gmtime(epoch))


def owner_of(library: str) -> str | None:
    """The Debian package owning a library path (tries the /usr-merged twin too)."""
    real = os.path.realpath(library)
    candidates = {library, real}
    for path in list(candidates):
        if path.startswith("/usr/"):
            candidates.add(path[4:])
        else:
            candidates.add("/usr" + path)
    for path in sorted(candidates):
        found = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True, check=False)
        if found.returncode == 0:
            return found.stdout.split(":", 1)[0].strip()
    return None


def needed(path: Path) -> list[str]:
    """The libraries an ELF file names directly (DT_NEEDED), as dpkg-shlibdeps reads them."""
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True,
                         check=False).stdout  # fmt: skip
    return [
        line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines() if "(NEEDED)" in line
    ]


def linked_libraries(app: Path) -> tuple[set[str], set[str]]:
    """System libraries the frozen app's ELF files name directly, resolved as the loader would
    (the bundle's own folders first), and the names this machine does not have."""
    app = app.resolve()
    bundled = {p.name for p in app.rglob("*.so*")}
    env = dict(
        os.environ, LD_LIBRARY_PATH=":".join(sorted({str(p.parent) for p in app.rglob("*.so*")}))
    )
    found: set[str] = set()
    missing: set[str] = set()
    for path in sorted(app.rglob("*")):
        if path.is_symlink() or not path.is_file() or path.read_bytes()[:4] != b"\x7fELF":
            continue
        wanted = set(needed(path)) - bundled
        if not wanted:
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env,
                             check=False).stdout  # fmt: skip
        for line in out.splitlines():
            name, _, target = line.strip().partition(" => ")
            if name not in wanted:
                continue
            if target.startswith("not found"):
                missing.add(name)
            elif target.startswith("/"):
                found.add(target.split(" (")[0])
    return found, missing


def depends(app: Path) -> list[str]:
    packages = set(BASE_DEPENDS)
    found, missing = linked_libraries(app)
    for library in sorted(found):
        owner = owner_of(library)
        if owner is None:
            print(f"warning: no package owns {library}", file=sys.stderr)
        else:
            packages.add(owner.split(",")[0].strip())
    for name in sorted(missing):
        print(f"warning: {name} is not installed here; covered only if in BASE_DEPENDS",
              file=sys.stderr)  # fmt: skip
    return sorted(packages)


def copy_app(dist: Path, stage: Path) -> None:
    target = stage / "opt" / NAME
    shutil.copytree(dist, target, symlinks=True)
    for path in target.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir() or path == target / NAME:
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def write(path: Path, text: str | bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        path.write_text(text, "utf-8")
    else:
        path.write_bytes(text)
    path.chmod(mode)


def launcher(stage: Path) -> None:
    script = f'#!/bin/sh\nexec /opt/{NAME}/{NAME} "$@"\n'
    write(stage / "usr" / "bin" / NAME, script, 0o755)


def render_icons(stage: Path) -> None:
    """PNG sizes from the SVG, drawn by Qt's SVG renderer (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    svg = PACKAGING / "icons" / f"{NAME}.svg"
    hicolor = stage / "usr" / "share" / "icons" / "hicolor"
    write(hicolor / "scalable" / "apps" / f"{NAME}.svg", svg.read_bytes())
    renderer = QSvgRenderer(str(svg))
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        target = hicolor / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"could not write {target}")
        target.chmod(0o644)


def desktop_files(stage: Path, release: str, date: str) -> None:
    share = stage / "usr" / "share"
    write(share / "applications" / f"{NAME}.desktop",
          (PACKAGING / f"{NAME}.desktop").read_text("utf-8"))  # fmt: skip
    metainfo = (HERE / f"{APP_ID}.metainfo.xml").read_text("utf-8")
    metainfo = metainfo.replace("@VERSION@", release).replace("@DATE@", date)
    write(share / "metainfo" / f"{APP_ID}.metainfo.xml", metainfo)


def site_config(stage: Path) -> list[str]:
    folder = stage / "etc" / "xdg" / NAME
    conffiles = []
    for source in sorted((PACKAGING / "site-config").iterdir()):
        write(folder / source.name, source.read_bytes())
        conffiles.append(f"/etc/xdg/{NAME}/{source.name}")
    return conffiles


def docs(stage: Path, release: str, epoch: int) -> None:
    doc = stage / "usr" / "share" / "doc" / NAME
    write(doc / "copyright", (HERE / "copyright").read_text("utf-8"))
    stamp = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(epoch))
    changelog = (
        f"{NAME} ({release}-1) unstable; urgency=medium\n\n"
        f"  * Release {release}, built from the frozen app.\n\n"
        f" -- Outreach Desktop <outreach-desktop@localhost>  {stamp}\n"
    )
    write(doc / "changelog.Debian.gz", gzip.compress(changelog.encode(), 9, mtime=epoch))
    man = stage / "usr" / "share" / "man" / "man1" / f"{NAME}.1.gz"
    write(man, gzip.compress((HERE / f"{NAME}.1").read_bytes(), 9, mtime=epoch))
    overrides = stage / "usr" / "share" / "lintian" / "overrides" / NAME
    write(overrides, (HERE / "lintian-overrides").read_text("utf-8"))


def installed_size(stage: Path) -> int:
    total = sum(p.lstat().st_size for p in stage.rglob("*") if not p.is_dir())
    return (total + 1023) // 1024


def control(stage: Path, release: str, needs: list[str], conffiles: list[str]) -> None:
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()  # fmt: skip
    debian = stage / "DEBIAN"
    md5 = []
    for path in sorted(p for p in stage.rglob("*") if p.is_file() and not p.is_symlink()):
        digest = hashlib.md5(path.read_bytes()).hexdigest()
        md5.append(f"{digest}  {path.relative_to(stage)}")
    text = (HERE / "control.in").read_text("utf-8")
    text = text.replace("@VERSION@", f"{release}-1").replace("@ARCH@", arch)
    text = text.replace("@SIZE@", str(installed_size(stage)))
    text = text.replace("@DEPENDS@", ", ".join(needs))
    write(debian / "control", text)
    write(debian / "md5sums", "\n".join(md5) + "\n")
    write(debian / "conffiles", "\n".join(conffiles) + "\n")
    debian.chmod(0o755)


def build(dist: Path, out: Path) -> Path:
    release = version()
    epoch, date = build_date()
    stage = out / "deb-root"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir(parents=True)
    copy_app(dist, stage)
    launcher(stage)
    render_icons(stage)
    desktop_files(stage, release, date)
    conffiles = site_config(stage)
    docs(stage, release, epoch)
    control(stage, release, depends(stage / "opt" / NAME), conffiles)
    for path in [stage, *stage.rglob("*")]:
        if not path.is_symlink():
            os.utime(path, (epoch, epoch))
    package = out / f"{NAME}_{release}-1_{_arch(stage)}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage),
                    str(package)], check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    shutil.rmtree(stage)
    return package


def _arch(stage: Path) -> str:
    for line in (stage / "DEBIAN" / "control").read_text().splitlines():
        if line.startswith("Architecture:"):
            return line.split(":", 1)[1].strip()
    raise SystemExit("control without Architecture")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    built = build(Path(sys.argv[1]), Path(sys.argv[2]))
    print(built)
