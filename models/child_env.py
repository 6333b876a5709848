"""The environment for programs we start: the user's own, before the frozen bundle changed it.

The PyInstaller launcher points LD_LIBRARY_PATH (LIBPATH on AIX, DYLD_* on macOS) at the
bundle's folder and keeps the user's value in NAME_ORIG; our run-time hook does the same for
QT_PLUGIN_PATH, and on Windows it puts the bundle first on PATH. A child (LibreOffice,
xdg-open → WPS) that inherited these would load the bundle's libstdc++, glib or Qt plugins
instead of its own. Outside a bundle the environment is handed on unchanged.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

# Variables the bundle may have changed: restored from NAME_ORIG, else stripped of bundle paths.
CHANGED_BY_BUNDLE = ("LD_LIBRARY_PATH", "LIBPATH", "DYLD_LIBRARY_PATH", "DYLD_FRAMEWORK_PATH",
                     "QT_PLUGIN_PATH", "PATH")
ORIG_SUFFIX = "_ORIG"
# The launcher's own bookkeeping, meaningless to another program.
LAUNCHER_PREFIXES = ("_PYI_", "_MEIPASS")


def bundle_folder() -> str | None:
    """The frozen bundle's folder (sys._MEIPASS), or None when running from source."""
    return getattr(sys, "_MEIPASS", None) if getattr(sys, "frozen", False) else None


def _inside(entry: str, folder: str) -> bool:
    """Whether a path-list entry points into folder."""
    entry, folder = os.path.normcase(os.path.abspath(entry)), os.path.normcase(os.path.abspath(folder))
    return entry == folder or entry.startswith(folder.rstrip(os.sep) + os.sep)


def child_environment(environ: Mapping[str, str] | None = None,
                      bundle: str | None = None) -> dict[str, str]:
    """The environment to start another program with (by default: this process's, and the
    running bundle's folder)."""
    env = dict(os.environ if environ is None else environ)
    bundle = bundle_folder() if bundle is None and environ is None else bundle
    if bundle is None:
        return env
    for name in CHANGED_BY_BUNDLE:
        original = env.pop(name + ORIG_SUFFIX, None)
        if original is not None:
            env[name] = original
        elif name in env:
            kept = [p for p in env[name].split(os.pathsep) if p and not _inside(p, bundle)]
            if kept:
                env[name] = os.pathsep.join(kept)
            else:
                del env[name]
    return {k: v for k, v in env.items() if not k.startswith(LAUNCHER_PREFIXES)}


@contextmanager
def as_child_environment() -> Iterator[None]:
    """This process's environment set to child_environment() for the duration, for spawns we
    do not control (QDesktopServices.openUrl starts xdg-open itself)."""
    saved = dict(os.environ)
    wanted = child_environment()
    if wanted == saved:
        yield
        return
    try:
        os.environ.clear()
        os.environ.update(wanted)
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)
