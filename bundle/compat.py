"""The glibc 2.31 build (`make dist-compat`): freeze inside a Debian 11 root, run in a clean one.

Steps, each skipped when its stamp file says it is done (delete build/compat to start over):
1. build root: `debootstrap bullseye` with a compiler and the headers Python needs;
2. Python 3.11 compiled there from Debian 12's python3.11 source package (fetched and checked
   by apt), shared, no RUNPATH (the root's ld.so.conf finds libpython while building);
3. a venv there with PySide6-Essentials 6.9.x (manylinux_2_28 wheels: Qt needs GLIBC_2.28);
4. `python -m bundle.freeze` and `python -m bundle.deb` on a copy of this tree → dist/compat/;
5. run root: a second `debootstrap bullseye` with nothing of ours, where the .deb is installed
   with apt (its Depends pulled from Debian 11) and every command runs under `env -i` as a normal
   user, and the window under Xvfb; results in dist/compat/report.txt and screenshots.
Needs root (chroot, mount) and debootstrap; roots live under build/compat/, never in git.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "build" / "compat"
OUT = ROOT / "dist" / "compat"
SUITE = "bullseye"
MIRROR = "http://deb.debian.org/debian"
PYTHON_SOURCE_SUITE = "bookworm"  # Debian 12's python3.11 source package
PYTHON_PREFIX = "/opt/python3.11"
VENV = "/opt/venv"
PYSIDE = "PySide6-Essentials==6.9.3"  # the newest with manylinux_2_28 wheels
BUILD_PACKAGES = ("build-essential", "libssl-dev", "libffi-dev", "zlib1g-dev", "libbz2-dev",
                  "liblzma-dev", "libsqlite3-dev", "uuid-dev", "xz-utils", "ca-certificates",
                  "binutils", "dpkg-dev")
# What PyInstaller looks for when it collects Qt's xcb and wayland plugins: their libraries.
QT_RUNTIME_PACKAGES = ("libglib2.0-0", "libfontconfig1", "libfreetype6", "libxkbcommon0",
                       "libxkbcommon-x11-0", "libdbus-1-3", "libegl1", "libgl1", "libx11-xcb1",
                       "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
                       "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0",
                       "libxcb-xkb1", "libxcb-xfixes0", "libxrender1", "libsm6", "libice6",
                       "libwayland-client0", "libwayland-cursor0", "libwayland-egl1", "libcups2")
# The clean root: a user's Debian 11 with a screen; the .deb brings the rest through Depends.
RUN_PACKAGES = ("xvfb", "xauth", "ca-certificates")
CLEAN_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


def run(command: Sequence[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a command, echoing it; fail on a non-zero exit."""
    print("+", " ".join(command), flush=True)
    return subprocess.run(list(command), check=True, **kwargs)


def in_root(root: Path, script: str, user: str | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run a shell script inside root with a clean environment (env -i)."""
    environment = {"PATH": CLEAN_PATH, "HOME": "/root", "LANG": "C.UTF-8", **(env or {})}
    userspec = ["--userspec", user] if user else []
    return run(["chroot", *userspec, str(root), "env", "-i",
                *(f"{k}={v}" for k, v in environment.items()), "/bin/sh", "-ec", script])


@contextmanager
def mounted(root: Path) -> Iterator[Path]:
    """root with /proc, /dev and /dev/pts of the host mounted (unmounted afterwards)."""
    done: list[Path] = []
    try:
        for target, args in (("proc", ["-t", "proc", "proc"]), ("dev", ["--bind", "/dev"]),
                             ("dev/pts", ["--bind", "/dev/pts"])):
            path = root / target
            path.mkdir(exist_ok=True)
            run(["mount", *args, str(path)])
            done.append(path)
        yield root
    finally:
        for path in reversed(done):
            subprocess.run(["umount", "--lazy", str(path)], check=False)


def stamp(root: Path, name: str) -> Path:
    return root / f".metrology-{name}-done"


def debootstrap(root: Path, packages: Sequence[str]) -> None:
    """A Debian 11 root at root with packages, unless one is there already."""
    if stamp(root, "debootstrap").exists():
        return
    if root.exists():
        shutil.rmtree(root)
    cache = WORK / "debs"
    cache.mkdir(parents=True, exist_ok=True)
    run(["debootstrap", "--variant=minbase", f"--cache-dir={cache}",
         f"--include={','.join(packages)}", SUITE, str(root), MIRROR])
    shutil.copyfile("/etc/resolv.conf", root / "etc" / "resolv.conf")
    stamp(root, "debootstrap").touch()


def apt_install(root: Path, packages: Sequence[str], name: str) -> None:
    """apt-get install packages in root (once)."""
    if stamp(root, name).exists():
        return
    in_root(root, "apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "
            + " ".join(packages), env={"DEBIAN_FRONTEND": "noninteractive"})
    stamp(root, name).touch()


# libm functions whose default symbol version is newer than glibc 2.28 (their 2.29 versions
# are faster, not different in result): Python links their GLIBC_2.2.5 versions, and does not
# use sem_clockwait (2.30), so libpython and its modules need no newer glibc than Qt 6.9 (2.28).
GLIBC_228_SHIM = """\
__asm__(".symver exp,exp@GLIBC_2.2.5");
__asm__(".symver log,log@GLIBC_2.2.5");
__asm__(".symver pow,pow@GLIBC_2.2.5");
__asm__(".symver log2,log2@GLIBC_2.2.5");
__asm__(".symver exp2,exp2@GLIBC_2.2.5");
"""


def build_python(root: Path) -> None:
    """Python 3.11 from Debian 12's source package, compiled and installed in root."""
    if stamp(root, "python-glibc228").exists():
        return
    sources = root / "etc" / "apt" / "sources.list.d" / "python-source.list"
    sources.write_text(f"deb-src {MIRROR} {PYTHON_SOURCE_SUITE} main\n", encoding="utf-8")
    (root / "etc" / "ld.so.conf.d" / "python3.11.conf").write_text(f"{PYTHON_PREFIX}/lib\n")
    shim = "/usr/src/glibc228.h"
    (root / shim.lstrip("/")).write_text(GLIBC_228_SHIM, encoding="utf-8")
    in_root(root, f"""
        mkdir -p /usr/src/python && cd /usr/src/python
        apt-get update -q
        apt-get source --download-only -q python3.11
        rm -rf Python-3.11.*/ {PYTHON_PREFIX} {VENV}
        tar xf python3.11_*.orig.tar.*
        cd Python-3.11.*/
        ./configure --prefix={PYTHON_PREFIX} --enable-shared --with-ensurepip=install -q \\
            ac_cv_func_sem_clockwait=no CFLAGS="-include {shim}"
        make -j"$(nproc)" -s
        make -s altinstall
        ldconfig
        {PYTHON_PREFIX}/bin/python3.11 -c 'import ssl, sqlite3, lzma, bz2, ctypes, zlib'
    """)
    stamp(root, "venv").unlink(missing_ok=True)
    stamp(root, "python-glibc228").touch()


def copy_tree(target: Path) -> None:
    """This tree's tracked and new files (not dist/, build/, the venv) to target."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    if target.exists():  # what was built there (dist/, build/) stays for --deb-only
        for old in target.iterdir():
            if old.name not in ("dist", "build"):
                shutil.rmtree(old) if old.is_dir() and not old.is_symlink() else old.unlink()
    for name in filter(None, (f.decode() for f in files)):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def pip_environment() -> dict[str, str]:
    """The pip settings of this machine that the root needs too (certificate bundle)."""
    return {"PIP_CERT": "/etc/ssl/certs/ca-certificates.crt", "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "PIP_DEFAULT_TIMEOUT": "180"}


def freeze(root: Path, deb_only: bool = False) -> None:
    """The venv with Qt 6.9, then the bundle (unless deb_only) and .deb of a fresh copy of
    this tree."""
    host_certs = Path("/etc/ssl/certs/ca-certificates.crt")
    if host_certs.is_file():  # the registry may be reached through this machine's CA
        shutil.copyfile(host_certs, root / "usr" / "local" / "share" / "host-ca.crt")
    src = root / "src"
    copy_tree(src)
    (src / "compat-constraints.txt").write_text(PYSIDE + "\n", encoding="utf-8")
    env = {**pip_environment(), "PIP_CERT": "/usr/local/share/host-ca.crt"}
    if not stamp(root, "venv").exists():
        in_root(root, f"""
            {PYTHON_PREFIX}/bin/python3.11 -m venv {VENV}
            {VENV}/bin/python -m pip install -q --upgrade pip
        """, env=env)
        stamp(root, "venv").touch()
    in_root(root, f"""
        cd /src
        {VENV}/bin/python -m pip install -q -c compat-constraints.txt -e '.[dist]'
        {"" if deb_only else f"QT_QPA_PLATFORM=offscreen {VENV}/bin/python -m bundle.freeze"}
        {VENV}/bin/python -m bundle.deb
    """, env=env)
    OUT.mkdir(parents=True, exist_ok=True)
    for path in (src / "dist").iterdir():
        target = OUT / path.name
        if target.is_dir():
            shutil.rmtree(target)
        (shutil.copytree if path.is_dir() else shutil.copy2)(path, target, **(
            {"symlinks": True} if path.is_dir() else {}))


def deb_file() -> Path:
    """The compat .deb built by freeze()."""
    found = sorted(OUT.glob("metrology-day_*.deb"))
    if not found:
        raise SystemExit(f"no .deb in {OUT}")
    return found[-1]


def main(argv: Sequence[str] | None = None) -> int:
    """Build the glibc 2.31 bundle and .deb, then run them in the clean root (--no-check: not;
    --deb-only: remake only the .deb from the bundle built before; --no-freeze: roots only)."""
    args = list(sys.argv[1:] if argv is None else argv)
    if os.geteuid() != 0 or shutil.which("debootstrap") is None:
        sys.stderr.write("make dist-compat needs root and debootstrap (apt-get install debootstrap)\n")
        return 2
    build_root = WORK / "build-root"
    debootstrap(build_root, BUILD_PACKAGES)
    with mounted(build_root):
        apt_install(build_root, QT_RUNTIME_PACKAGES, "qt-runtime")
        build_python(build_root)
        if "--no-freeze" not in args:
            freeze(build_root, deb_only="--deb-only" in args)
    if "--no-check" not in args:
        from bundle.compat_check import check
        return check(WORK / "run-root", deb_file(), OUT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
