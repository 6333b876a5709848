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
from bundle.freeze import DIST_DIR, _elf_files, folder_size  # noqa: E402
from bundle.notices import dpkg_owner  # noqa: E402
from resources import ICON_SIZES, ICON_SVG, icon_png, setup_cfg_version  # noqa: E402
from resources.licences import NOTICES_NAME  # noqa: E402
from ui.desktop_libraries import CJK_FONT_PACKAGES, XCB_LIBRARIES  # noqa: E402

HERE = Path(__file__).resolve().parent
INSTALL_DIR = Path("opt") / PROGRAM

# The package takes every library PyInstaller copied from a Debian package from the system
# instead (security updates reach them; CUPS, GnuTLS and Kerberos alone were 11.9 MiB), naming
# the packages in Depends as dpkg-shlibdeps computes them on the build system (the version
# floors are the build system's). The xcb table of the start-up check (ui/desktop_libraries.py)
# is always in Depends: Qt aborts without those. The tarball keeps its copies.
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


def system_library_files(program: Path) -> dict[Path, str]:
    """The bundle's libraries that a Debian package of this system installed, and that package
    (libpython is the bundle's own Python, never Debian's)."""
    internal = program / "_internal"
    found = {}
    for path in sorted(internal.glob("lib*.so*")):
        if path.is_symlink() or path.name.startswith("libpython"):
            continue
        package = dpkg_owner(path.name)
        if package is not None:
            found[path] = package
    return found


def shlibdeps(package_root: Path, program: Path) -> tuple[list[str], list[str]]:
    """(Depends, Recommends) from dpkg-shlibdeps over the staged files: what the system must
    provide, the Wayland-only parts in Recommends. package_root is debian/<package>."""
    files = _elf_files(program)
    wayland = [f for f in files if "wayland" in f.relative_to(program).as_posix().lower()]
    rest = [f for f in files if f not in wayland]
    private = sorted({str(f.parent) for f in files if ".so" in f.name})
    work = package_root.parent.parent
    (work / "debian" / "control").touch()
    result = subprocess.run(["dpkg-shlibdeps", "-O", "--warnings=0", *(f"-l{d}" for d in private),
                             *map(str, rest), "-dRecommends", *map(str, wayland)],
                            cwd=work, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError("dpkg-shlibdeps failed:\n" + result.stderr)
    fields = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)

    def split(field: str) -> list[str]:
        return [d.strip() for d in fields.get(field, "").split(",") if d.strip()]
    return split("shlibs:Depends"), split("shlibs:Recommends")


def one_each(entries: list[str]) -> str:
    """A relationship field with one entry per package, the first (versioned) one kept."""
    names: dict[str, str] = {}
    for entry in entries:
        names.setdefault(entry.split()[0], entry)
    return ", ".join(names.values())


def depends(computed: list[str]) -> str:
    """The Depends field: libc6 first, the xcb table without versions, the computed ones.

    The X11/xcb libraries have kept their ABI for a decade, but their shlibs files ask for the
    build system's version (Debian 11: libx11-xcb1 >= 2:1.7.2), which would refuse Ubuntu
    20.04 and Kylin V10 SP1 (1.6.9) for nothing."""
    libc = [d for d in computed if d.split()[0] == "libc6"] or ["libc6"]
    return one_each([*libc, *SYSTEM_LIBRARIES.values(), *computed])


def architecture() -> str:
    """This machine's Debian architecture (amd64, arm64, loong64 …)."""
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def control(computed: tuple[list[str], list[str]], installed_kib: int) -> str:
    """The DEBIAN/control file, from dpkg-shlibdeps' (Depends, Recommends)."""
    recommends = one_each([CJK_FONTS, *computed[1], *WAYLAND_LIBRARIES.values()])
    return (f"Package: {PROGRAM}\n"
            f"Version: {setup_cfg_version()}\n"
            f"Architecture: {architecture()}\n"
            f"Maintainer: {MAINTAINER}\n"
            f"Installed-Size: {installed_kib}\n"
            f"Depends: {depends(computed[0])}\n"
            f"Recommends: {recommends}\n"
            "Section: misc\n"
            "Priority: optional\n"
            f"Description: {DESCRIPTION}\n")


def copyright_text(program: Path) -> str:
    """/usr/share/doc/metrology-day/copyright: the program's licence, then the notices of the
    third-party software in the bundle (written there at build time)."""
    notices = program / NOTICES_NAME
    if not notices.is_file():
        raise FileNotFoundError(f"{notices} is missing: the bundle was built without notices")
    text = ("metrology-day\n\nThe program is under the MIT licence:\n\n"
            + (ROOT / "LICENSE").read_text(encoding="utf-8")
            + "\n\n" + notices.read_text(encoding="utf-8"))
    return refer_to_common_licences(without_system_libraries(text))


def without_system_libraries(text: str) -> str:
    """The notices less the Debian packages' libraries, which the package leaves to the
    system (their copyright is in their own /usr/share/doc)."""
    text = "\n".join(line for line in text.split("\n") if " — Debian package (" not in line)
    return SECTION.sub(lambda m: "" if m.group(1).split("\n")[1].startswith("Debian package ")
                       else m.group(0), text)


# Licences whose full text every Debian system has: the copyright file points there instead.
COMMON_LICENCES = (
    (re.compile(r"GNU LESSER GENERAL PUBLIC LICENSE\s+Version 3"), "LGPL-3"),
    (re.compile(r"GNU GENERAL PUBLIC LICENSE\s+Version 3"), "GPL-3"),
    (re.compile(r"Apache License\s+Version 2\.0, January 2004"), "Apache-2.0"),
)
SECTION = re.compile(r"(^={78}\n.*?\n={78}\n)(.*?)(?=^={78}\n|\Z)", re.MULTILINE | re.DOTALL)


def refer_to_common_licences(text: str) -> str:
    """Each notice section that is a full LGPL-3, GPL-3 or Apache-2.0 text, replaced by a
    pointer to /usr/share/common-licenses (the bundle's own notices file keeps the texts)."""
    def shorten(match: re.Match[str]) -> str:
        for pattern, name in COMMON_LICENCES:
            if pattern.search(match.group(2)):
                return (match.group(1) + f"The full text is in /usr/share/common-licenses/{name} "
                        f"and in /{INSTALL_DIR.as_posix()}/{NOTICES_NAME}.\n\n")
        return match.group(0)
    return SECTION.sub(shorten, text)


def _install(source: Path, target: Path, mode: int) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def stage(bundle: Path, root: Path) -> None:
    """Lay out the package's files under root, as they will be installed."""
    program = root / INSTALL_DIR
    shutil.copytree(bundle, program, symlinks=True)
    left_out = {p.name for p in system_library_files(program)} | set(SYSTEM_LIBRARIES)
    for path in sorted(program.rglob("*"), reverse=True):
        if path.name in left_out or (path.is_symlink() and not path.exists()):
            path.unlink()
    for path in [program, *program.rglob("*")]:
        if not path.is_symlink():
            executable = path.is_dir() or (path.stat().st_mode & 0o111 and ".so" not in path.name)
            path.chmod(0o755 if executable else 0o644)  # shared libraries are not programs
    _install(HERE / "launcher.sh", root / "usr" / "bin" / PROGRAM, 0o755)
    _install(HERE / f"{PROGRAM}.desktop",
             root / "usr" / "share" / "applications" / f"{PROGRAM}.desktop", 0o644)
    icons = root / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        _install(icon_png(size), icons / f"{size}x{size}" / "apps" / f"{PROGRAM}.png", 0o644)
    _install(ICON_SVG, icons / "scalable" / "apps" / f"{PROGRAM}.svg", 0o644)
    manual = root / "usr" / "share" / "man" / "man1" / f"{PROGRAM}.1.gz"
    manual.parent.mkdir(parents=True)
    manual.write_bytes(gzip.compress((HERE / f"{PROGRAM}.1").read_bytes(), 9, mtime=0))
    manual.chmod(0o644)
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
        root = Path(temp) / "debian" / PROGRAM  # where dpkg-shlibdeps looks for the package
        stage(bundle, root)
        computed = shlibdeps(root, root / INSTALL_DIR)
        (root / "DEBIAN").mkdir()
        installed_kib = (folder_size(root) + 1023) // 1024
        (root / "DEBIAN" / "control").write_text(control(computed, installed_kib),
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
