"""The third-party software the program runs on: names, versions, licences, licence texts.

Read from the installed distributions (the requirement closure of metrology-day); the frozen
bundle carries the same, written at build time, as THIRD-PARTY-NOTICES.txt.
"""
from __future__ import annotations

import platform
import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from resources import DISTRIBUTION

NOTICES_NAME = "THIRD-PARTY-NOTICES.txt"
_LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|notice|authors)", re.IGNORECASE)
_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


@dataclass(frozen=True)
class Component:
    """One piece of third-party software, as its distribution describes itself."""

    name: str
    version: str
    licence: str
    texts: tuple[tuple[str, str], ...] = ()  # (file name, text)

    def line(self) -> str:
        """`name version — licence`."""
        return f"{self.name} {self.version} — {self.licence}"


def _licence(meta: metadata.PackageMetadata) -> str:
    """The licence a distribution declares: its SPDX expression, its short License field, or
    its trove classifiers."""
    expression = meta.get("License-Expression")
    if expression:
        return expression
    field = (meta.get("License") or "").strip()
    if field and "\n" not in field and len(field) <= 80:
        return field
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return ", ".join(classifiers) or (field.splitlines()[0] if field else "unknown")


def _licence_texts(dist: metadata.Distribution) -> tuple[tuple[str, str], ...]:
    """The licence files a distribution ships in its metadata folder."""
    found: list[tuple[str, str]] = []
    for file in dist.files or ():
        parts = Path(str(file)).parts
        in_metadata = parts and parts[0].endswith((".dist-info", ".egg-info"))
        if in_metadata and (_LICENCE_FILE.match(parts[-1]) or "licenses" in parts[1:-1]):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                found.append((parts[-1], path.read_text(encoding="utf-8", errors="replace")))
    return tuple(found)


def _requirement_names(dist: metadata.Distribution) -> list[str]:
    """The distributions dist needs on this Python (extras left out)."""
    names = []
    for requirement in dist.requires or ():
        requirement, _, marker = requirement.partition(";")
        if "extra" in marker:
            continue
        if marker.strip() and not _marker_holds(marker):
            continue
        match = _REQUIREMENT_NAME.match(requirement)
        if match:
            names.append(match.group(1))
    return names


def _marker_holds(marker: str) -> bool:
    """Evaluate an environment marker (python_version, sys_platform, platform_system …)."""
    try:
        from packaging.markers import Marker
    except ImportError:  # packaging absent: keep the requirement rather than lose a notice
        return True
    return Marker(marker).evaluate()


def distributions(root: str = DISTRIBUTION) -> list[metadata.Distribution]:
    """Every installed distribution root needs, directly or not, root itself left out."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[key] = dist
        todo.extend(_requirement_names(dist))
    own = re.sub(r"[-_.]+", "-", root).lower()
    return sorted((d for k, d in seen.items() if k != own), key=lambda d: d.metadata["Name"].lower())


def python_component() -> Component:
    """The Python interpreter itself (PSF licence), with its LICENSE file where it is."""
    version = platform.python_version()
    base = Path(sys.base_prefix)
    candidates = [base / "LICENSE.txt",
                  base / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "LICENSE.txt"]
    texts = tuple((p.name, p.read_text(encoding="utf-8", errors="replace"))
                  for p in candidates if p.is_file())[:1]
    return Component("Python", version, "PSF-2.0", texts)


def components() -> list[Component]:
    """Python and every distribution the program runs on, with their licence texts."""
    found = [python_component()]
    for dist in distributions():
        meta = dist.metadata
        found.append(Component(meta["Name"], meta["Version"], _licence(meta), _licence_texts(dist)))
    return found


def shipped_notices() -> Path | None:
    """The notices file inside the frozen bundle, or None when running from source."""
    if getattr(sys, "frozen", False):
        path = Path(sys.executable).resolve().parent / NOTICES_NAME  # beside the program
        return path if path.is_file() else None
    return None


def summary_lines() -> list[str]:
    """`name version — licence` for each component: from the bundle's notices file, else read
    from the installed distributions."""
    shipped = shipped_notices()
    if shipped is not None:
        text = shipped.read_text(encoding="utf-8")
        return [line[2:] for line in text.split("\n\n", 2)[1].splitlines() if line.startswith("- ")]
    return [component.line() for component in components()]


def notices_location() -> Path:
    """Where the licence texts are: the bundle's notices file, or (from source) LICENSE."""
    return shipped_notices() or Path(__file__).resolve().parents[1] / "LICENSE"


def about_lines() -> list[str]:
    """The components as `name version`, for the about box (the licences are in the file)."""
    return [line.split(" — ", 1)[0] for line in summary_lines()]
