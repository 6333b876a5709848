"""Wrap the bundle as a Debian package (`make deb`): /opt, launcher, menu entry, icons."""
from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bundle.contents import PROGRAM  # noqa: E402
from bundle.freeze import DIST_DIR, folder_size  # noqa: E402
from resources import ICON_SIZES, ICON_SVG, icon_png, setup_cfg_version  # noqa: E402
from resources.licences import NOTICES_NAME  # noqa: E402
from ui.desktop_libraries import CJK_FONT_PACKAGES, XCB_LIBRARIES  # noqa: E402

HERE = Path(__file__).resolve().parent
INSTALL_DIR = Path("opt") / PROGRAM

# The package takes the system libraries Qt's xcb platform needs from the system, as Depends
# (one table with the start-up check in ui/desktop_libraries.py), and leaves out the bundle's
# copies of them: X11 and xcb match the system's libxcb, fontconfig reads the system's font
# configuration with the system's own library.
SYSTEM_LIBRARIES = XCB_LIBRARIES
# Only a Wayland session needs these; under X11 the wayland plugin is simply not loaded.
WAYLAND_LIBRARIES = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}
CJK_FONTS = " | ".join(CJK_FONT_PACKAGES)
# The Maintainer is the newest entry's signer in bundle/changelog (no comma: Debian reads a comma
# in that field as a list of two people).
CHANGELOG = HERE / "changelog"
LINTIAN_OVERRIDES = HERE / "lintian-overrides"
DESCRIPTION = """\
5·20 World Metrology Day campaign manager (5·20世界计量日活动管理)
 Desktop program for the metrology division of the Shanghai Administration
 for Market Regulation: the campaign's activities, calendar and submission
 checklist, and the notice and attachment table exported to Word, Excel and
 PDF. Works offline; the user's data stays in ~/.local/share/SHSAMR and is
 left alone when the package is removed."""


def changelog_entry(path: Path = CHANGELOG) -> tuple[str, str]:
    """(version, maintainer) of the newest entry of the Debian changelog."""
    text = path.read_text(encoding="utf-8")
    version = re.match(r"\S+ \(([^)]+)\)", text).group(1)  # type: ignore[union-attr]
    maintainer = re.search(r"^ -- (.+?>)  ", text, re.MULTILINE).group(1)  # type: ignore[union-attr]
    return version, maintainer


MAINTAINER = changelog_entry()[1]


def glibc_needed(folder: Path) -> str:
    """The newest GLIBC_x.y symbol version any binary in folder asks for."""
    newest = (2, 17)
    pattern = re.compile(rb"GLIBC_(\d+)\.(\d+)")
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) != b"\x7fELF":
                    continue
                for major, minor in pattern.findall(handle.read()):
                    newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def depends(folder: Path) -> str:
    """The Depends field for the bundle as staged in folder."""
    packages = [f"libc6 (>= {glibc_needed(folder)})", *SYSTEM_LIBRARIES.values()]
    return ", ".join(dict.fromkeys(packages))


def architecture() -> str:
    """This machine's Debian architecture (amd64, arm64, loong64 …)."""
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def control(folder: Path, installed_kib: int) -> str:
    """The DEBIAN/control file."""
    return (f"Package: {PROGRAM}\n"
            f"Version: {setup_cfg_version()}\n"
            f"Architecture: {architecture()}\n"
            f"Maintainer: {MAINTAINER}\n"
            f"Installed-Size: {installed_kib}\n"
            f"Depends: {depends(folder)}\n"
            f"Recommends: {CJK_FONTS}, {', '.join(WAYLAND_LIBRARIES.values())}\n"
            "Section: misc\n"
            "Priority: optional\n"
            f"Description: {DESCRIPTION}\n")


def copyright_text(program: Path) -> str:
    """/usr/share/doc/metrology-day/copyright: the program's licence, then the notices of the
    third-party software in the bundle (written there at build time)."""
    notices = program / NOTICES_NAME
    if not notices.is_file():
        raise FileNotFoundError(f"{notices} is missing: the bundle was built without notices")
    return ("metrology-day\n\nThe program is under the MIT licence:\n\n"
            + (ROOT / "LICENSE").read_text(encoding="utf-8")
            + "\n\n" + notices.read_text(encoding="utf-8"))


def _install(source: Path, target: Path, mode: int) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def stage(bundle: Path, root: Path) -> None:
    """Lay out the package's files under root, as they will be installed."""
    program = root / INSTALL_DIR
    shutil.copytree(bundle, program, symlinks=True)
    for path in sorted(program.rglob("*"), reverse=True):
        if path.name in SYSTEM_LIBRARIES:
            path.unlink()
    for path in [program, *program.rglob("*")]:
        if not path.is_symlink():
            executable = path.is_dir() or path.stat().st_mode & 0o111
            path.chmod(0o755 if executable else 0o644)
    _install(HERE / "launcher.sh", root / "usr" / "bin" / PROGRAM, 0o755)
    _install(HERE / f"{PROGRAM}.desktop",
             root / "usr" / "share" / "applications" / f"{PROGRAM}.desktop", 0o644)
    icons = root / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        _install(icon_png(size), icons / f"{size}x{size}" / "apps" / f"{PROGRAM}.png", 0o644)
    _install(ICON_SVG, icons / "scalable" / "apps" / f"{PROGRAM}.svg", 0o644)
    docs = root / "usr" / "share" / "doc" / PROGRAM
    docs.mkdir(parents=True)
    (docs / "copyright").write_text(copyright_text(program), encoding="utf-8")
    (docs / "changelog.Debian.gz").write_bytes(
        gzip.compress(CHANGELOG.read_bytes(), compresslevel=9, mtime=0))
    _install(LINTIAN_OVERRIDES, root / "usr" / "share" / "lintian" / "overrides" / PROGRAM, 0o644)
    for path in [*docs.iterdir()]:
        path.chmod(0o644)
    for path in [root, *root.rglob("*")]:
        if path.is_dir():
            path.chmod(0o755)


def build_deb(bundle: Path, out_dir: Path, compression: tuple[str, ...] = ("-Zxz",)) -> Path:
    """The .deb of the bundle, written into out_dir (xz: a third smaller than gzip, 5× slower)."""
    with tempfile.TemporaryDirectory(prefix="deb-") as temp:
        root = Path(temp) / "root"
        stage(bundle, root)
        (root / "DEBIAN").mkdir()
        installed_kib = (folder_size(root) + 1023) // 1024
        (root / "DEBIAN" / "control").write_text(control(root / INSTALL_DIR, installed_kib),
                                                 encoding="utf-8")
        target = out_dir / f"{PROGRAM}_{setup_cfg_version()}_{architecture()}.deb"
        out_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(["dpkg-deb", "--root-owner-group", *compression, "--build", str(root),
                        str(target)], check=True, stdout=subprocess.DEVNULL)
    return target


def main() -> int:
    """dist/metrology-day_<version>_<arch>.deb from dist/metrology-day/."""
    bundle = DIST_DIR / PROGRAM
    if not bundle.is_dir():
        sys.stderr.write(f"{bundle} is missing: run `make dist` first\n")
        return 2
    target = build_deb(bundle, DIST_DIR)
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size / 2**20:.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
