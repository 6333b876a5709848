"""At build time: LICENSE.txt and THIRD-PARTY-NOTICES.txt beside the frozen program.

The notices name every component with version and licence (the Python distributions read
from their metadata, Python itself, and the system libraries PyInstaller copied, with the
Debian package they came from), then give each licence text, the LGPL with how to put other
Qt libraries in place of the bundled ones.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from resources import setup_cfg_version
from resources.licences import NOTICES_NAME, Component, components

ROOT = Path(__file__).resolve().parents[1]
LICENCE_DIR = Path(__file__).resolve().parent / "licenses"
PROGRAM_LICENCE = ROOT / "LICENSE"
LGPL_COMPONENTS = ("pyside6-essentials", "pyside6_essentials", "shiboken6", "pyside6")
QT_REPLACEMENT = """\
Qt 6 and PySide6 are used under the GNU Lesser General Public License version 3
(LGPL-3.0, text below, with the GPL-3.0 it refers to). They are not changed and are
linked dynamically: the Qt libraries are separate files in the bundle, and you may
replace them with your own build of the same Qt version (for example one built from
the source that qt.io publishes for that version, or the PySide6 source distribution
on PyPI):

  Linux:   _internal/PySide6/Qt/lib/libQt6*.so.6 (and the plugins in
           _internal/PySide6/Qt/plugins/); with the .deb, under
           /opt/metrology-day/_internal/PySide6/Qt/
  Windows: _internal/PySide6/Qt6*.dll (and the plugins in _internal/PySide6/plugins/)

Replace the files of the same name and start the program as usual; nothing else of
the program needs to change. Source of PySide6 and shiboken6: the PySide6 and
shiboken6 source distributions of the version named above, or code.qt.io.
"""


@dataclass(frozen=True)
class SystemLibrary:
    """A shared library PyInstaller copied from the build system, and its Debian package."""

    file: str
    package: str
    version: str
    copyright: str


def dpkg_owner(name: str) -> str | None:
    """The Debian package that installed a library file of that name, or None."""
    if shutil.which("dpkg") is None:
        return None
    result = subprocess.run(["dpkg", "-S", f"*/{name}"], capture_output=True, text=True,
                            check=False)
    for line in result.stdout.splitlines():
        package, _, path = line.partition(": ")
        if path.endswith("/" + name):
            return package.split(":")[0].split(",")[0].strip()
    return None


def system_libraries(bundle: Path) -> list[SystemLibrary]:
    """The bundle's libraries that came from Debian packages (Linux with dpkg only)."""
    found = []
    internal = bundle / "_internal"
    folder = internal if internal.is_dir() else bundle
    for path in sorted(folder.glob("lib*.so*")):
        if path.is_symlink() or path.name.startswith("libpython"):  # Python's: listed as Python
            continue
        package = dpkg_owner(path.name)
        if package is None:
            continue
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                                 capture_output=True, text=True, check=False).stdout.strip()
        copyright_file = Path("/usr/share/doc") / package / "copyright"
        text = (copyright_file.read_text(encoding="utf-8", errors="replace")
                if copyright_file.is_file() else "(no copyright file found)")
        found.append(SystemLibrary(path.name, package, version, text))
    return found


def _section(title: str, text: str) -> str:
    return f"{'=' * 78}\n{title}\n{'=' * 78}\n{text.rstrip()}\n"


def notices_text(parts: list[Component], libraries: list[SystemLibrary]) -> str:
    """The whole notices file: the list first (one `- ` line each), then the texts."""
    lines = [f"- {c.line()}" for c in parts]
    packages: dict[str, list[SystemLibrary]] = {}
    for library in libraries:
        packages.setdefault(library.package, []).append(library)
    lines += [f"- {name} {found[0].version} — Debian package "
              f"({', '.join(x.file for x in found)}); see its copyright below"
              for name, found in sorted(packages.items())]
    out = [f"metrology-day {setup_cfg_version()} (MIT, see LICENSE.txt) contains the following "
           "third-party software.", "", "\n".join(lines), ""]
    if any(c.name.lower() in LGPL_COMPONENTS for c in parts):
        out.append(_section("Qt 6, PySide6 and shiboken6: LGPL-3.0, and replacing Qt",
                            QT_REPLACEMENT))
    for component in parts:
        for file_name, text in component.texts:
            out.append(_section(f"{component.name} {component.version}: {file_name}", text))
    same_text: dict[str, list[str]] = {}  # one source package's binaries share one text
    for name, found in sorted(packages.items()):
        same_text.setdefault(found[0].copyright, []).append(f"{name} {found[0].version}")
    for text, names in same_text.items():
        out.append(_section(f"Debian package {', '.join(names)}: copyright", text))
    for licence in sorted(LICENCE_DIR.glob("*.txt")):
        out.append(_section(f"Full text: {licence.stem}",
                            licence.read_text(encoding="utf-8")))
    return "\n".join(out)


def write_notices(bundle: Path) -> Path:
    """LICENSE.txt and THIRD-PARTY-NOTICES.txt beside the program in bundle; the notices."""
    shutil.copyfile(PROGRAM_LICENCE, bundle / "LICENSE.txt")
    target = bundle / NOTICES_NAME
    target.write_text(notices_text(components(), system_libraries(bundle)), encoding="utf-8",
                      newline="\n")
    return target
