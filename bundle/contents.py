"""What the frozen bundle holds: the program's packages and files, and only the Qt parts it uses."""
from __future__ import annotations

import configparser
import glob
import sys
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
SETUP_CFG = ROOT / "setup.cfg"
PROGRAM = "metrology-day"
FOLDERS_OUTSIDE_THE_PROGRAM = frozenset({"tests", "bench", "bundle"})

# Qt plugins the program loads, by folder; None keeps the whole folder. PNG is built into QtGui,
# and the program draws no SVG, GIF or JPEG at run time, so no imageformats/iconengines plugin.
QT_PLUGINS: dict[str, frozenset[str] | None] = {
    "platforms": frozenset({"xcb", "offscreen", "wayland", "wayland-generic", "windows"}),
    "platforminputcontexts": None,      # ibus, compose: typing Chinese through the input method
    "printsupport": None,               # CUPS on Linux (print, print preview)
    "styles": None,                     # the Windows 11 / Windows Vista look
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"bradient"}),  # title bars under GNOME/Wayland
}
# Qt's own texts (buttons of file dialogs and message boxes …) in the two interface languages.
QT_TRANSLATIONS = frozenset({"qtbase_zh_CN.qm", "qtbase_en.qm"})
# babel comes with docxcompose (which formats date fields of a unit's summary with it); of its
# 1,100 locales (30 MB) the Chinese and English ones and the root are enough (1.5 MB).
BABEL_LOCALES = ("root", "en", "zh")
# Python modules the program never uses that PySide6's hooks or other libraries pull in (Pillow
# is no longer one: the summaries book encodes PDF pages with it); TLS: the program never goes online,
# and every standard module that imports ssl or _hashlib works without them; multiprocessing,
# which nothing uses and whose PyInstaller run-time hook imported it at every start.
EXCLUDED_MODULES = [
    "PySide6.QtNetwork", "PySide6.QtDBus", "PySide6.QtSvg", "PySide6.QtOpenGL",
    "ssl", "_ssl", "_hashlib", "multiprocessing",
    "tkinter", "_tkinter", "unittest", "pydoc", "doctest", "PyInstaller",
]
# Libraries that open their data files through their modules' folders: python-docx reads
# docx/parts/../templates/default-footer.xml for page numbers, so docx/parts/ must exist on disk
# (its sources are shipped beside the archived modules).
MODULE_COLLECTION_MODE = {"docx": "pyz+py"}
# PyInstaller's run-time hook for PySide6 imports QtCore at every start; ours sets the same paths
# without it (see bundle/rthook_qt_paths.py), so commands that draw nothing load no Qt.
RUNTIME_HOOK_REPLACED = "pyi_rth_pyside6"
RUNTIME_HOOK = Path(__file__).resolve().parent / "rthook_qt_paths.py"
# Debugging symbols taken out of the libraries (libpython alone carries 20 MB); not on Windows,
# whose DLLs carry none.
STRIP = sys.platform != "win32"


TocEntry = tuple[str, str, str]  # (path in the bundle, source or link target, kind)


def _setup_cfg(path: Path = SETUP_CFG) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path, encoding="utf-8")
    return parser


def _lines(text: str) -> list[str]:
    """The non-empty, non-comment lines of a multi-line setup.cfg value."""
    return [line.strip() for line in text.splitlines() if line.strip() and line.strip()[0] != "#"]


def program_packages(setup_cfg: Path = SETUP_CFG) -> list[str]:
    """Top-level packages of the program, as setup.cfg lists them for pip: the one list."""
    include = _lines(_setup_cfg(setup_cfg).get("options.packages.find", "include"))
    return sorted({name.split(".")[0] for name in include})


def program_modules(setup_cfg: Path = SETUP_CFG) -> list[str]:
    """Top-level modules of the program beside its packages (main, cli …), from setup.cfg."""
    return _lines(_setup_cfg(setup_cfg).get("options", "py_modules", fallback=""))


def package_folders(root: Path = ROOT) -> list[str]:
    """Folders beside main.py that are Python packages of the program."""
    return sorted(p.parent.name for p in root.glob("*/__init__.py")
                  if p.parent.name not in FOLDERS_OUTSIDE_THE_PROGRAM)


def program_data(setup_cfg: Path = SETUP_CFG) -> list[tuple[str, str]]:
    """(file, folder in the bundle) for every package-data file setup.cfg ships."""
    found: list[tuple[str, str]] = []
    for package, patterns in _setup_cfg(setup_cfg).items("options.package_data"):
        base = setup_cfg.parent / package.replace(".", "/")
        for pattern in (p.strip() for p in patterns.split(",") if p.strip()):
            for name in sorted(glob.glob(str(base / pattern))):
                target = PurePosixPath(package.replace(".", "/"),
                                       *Path(name).parent.relative_to(base).parts)
                found.append((name, str(target)))
    return found


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(dest.replace("\\", "/")).parts


def plugin_name(filename: str) -> str:
    """libqxcb.so → xcb, qwindows.dll → windows, libxdg-shell.so → xdg-shell."""
    stem = filename.split(".")[0]
    stem = stem.removeprefix("lib")
    return stem[1:] if stem.startswith("q") and not stem.startswith("qt-") else stem


def qt_plugin_folder(dest: str) -> str | None:
    """The plugin folder (platforms, styles …) of a bundled file, or None if it is no Qt plugin."""
    parts = _parts(dest)
    if "PySide6" in parts and "plugins" in parts[:-2]:
        return parts[parts.index("plugins") + 1]
    return None


def keep_qt_plugin(dest: str) -> bool:
    """True for the plugins in QT_PLUGINS (and for every file that is not a Qt plugin)."""
    folder = qt_plugin_folder(dest)
    if folder is None:
        return True
    if folder not in QT_PLUGINS:
        return False
    wanted = QT_PLUGINS[folder]
    return wanted is None or plugin_name(_parts(dest)[-1]) in wanted


def keep_data(dest: str) -> bool:
    """Every data file except Qt's translations and babel's locales in languages the program
    does not speak."""
    parts = _parts(dest)
    if "PySide6" in parts and "translations" in parts[:-1]:
        return parts[-1] in QT_TRANSLATIONS
    if parts[:2] == ("babel", "locale-data"):
        name = parts[-1].split(".")[0]
        return name.split("_")[0] in BABEL_LOCALES
    return True


def replace_qt_runtime_hook(scripts: Iterable[TocEntry]) -> list[TocEntry]:
    """The start-up scripts with PyInstaller's PySide6 hook swapped for ours, in its place."""
    swapped = [(RUNTIME_HOOK.stem, str(RUNTIME_HOOK), kind) if name == RUNTIME_HOOK_REPLACED
               else (name, path, kind) for name, path, kind in scripts]
    if RUNTIME_HOOK.stem not in {name for name, _, _ in swapped}:
        raise ValueError(f"{RUNTIME_HOOK_REPLACED} not among the run-time hooks: PyInstaller changed")
    return swapped


def _is_python_library(name: str) -> bool:
    """libpython3.11.so.1.0 or python311.dll: the bootloader loads it by name, no link points to it."""
    lowered = name.lower()
    return lowered.startswith(("libpython", "python3")) and not lowered.endswith(".py")


def select_binaries(binaries: Iterable[TocEntry],
                    imports: Callable[[str], Iterable[str]] | None = None) -> list[TocEntry]:
    """The binaries the program can reach: Python extensions, the wanted plugins, their libraries."""
    binaries = list(binaries)
    entries = [e for e in binaries if e[2] != "SYMLINK"]
    imports = imports or _linked_libraries
    key = str.lower if sys.platform == "win32" else str
    by_name: dict[str, list[TocEntry]] = {}
    for entry in entries:
        by_name.setdefault(key(_parts(entry[0])[-1]), []).append(entry)
    todo = [e for e in entries if e[2] == "EXTENSION" or _is_python_library(_parts(e[0])[-1])
            or (qt_plugin_folder(e[0]) is not None and keep_qt_plugin(e[0]))]
    reached = {e[0] for e in todo}
    while todo:
        for library in imports(todo.pop()[1]):
            for entry in by_name.get(key(library), []):
                if entry[0] not in reached:
                    reached.add(entry[0])
                    todo.append(entry)
    links = [e for e in binaries if e[2] == "SYMLINK"]
    return [e for e in entries if e[0] in reached] + _links_into(links, reached)


def select_datas(datas: Iterable[TocEntry], binaries: Iterable[TocEntry]) -> list[TocEntry]:
    """Data files minus unused Qt translations and links to libraries left out of the bundle."""
    entries = [e for e in datas if keep_data(e[0])]
    binaries = list(binaries)
    present = {_normalised(e[0]) for e in [*entries, *binaries] if e[2] != "SYMLINK"}
    links = [e for e in entries if e[2] == "SYMLINK"]
    return [e for e in entries if e[2] != "SYMLINK"] + _links_into(links, present)


def _links_into(links: Iterable[TocEntry], present: set[str]) -> list[TocEntry]:
    """The symbolic links whose target is in the bundle."""
    normalised = {_normalised(p) for p in present}
    return [e for e in links
            if _normalised(str(PurePosixPath(e[0].replace("\\", "/")).parent / e[1])) in normalised]


def _normalised(path: str) -> str:
    """A bundle path with '/' separators and '.' and '..' resolved."""
    parts: list[str] = []
    for part in _parts(path):
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def _linked_libraries(path: str) -> list[str]:
    """File names of the shared libraries a binary is linked against (ldd / pefile, via PyInstaller)."""
    from PyInstaller.depend.bindepend import get_imports
    return [PurePosixPath(name.replace("\\", "/")).name for name, _ in get_imports(path)]
