"""Run the compat build in a clean Debian 11 root: every command and the window, `env -i`.

First the archive, unpacked in a normal user's home of a root that has nothing but a minimal
Debian 11 and Xvfb; then the .deb, installed with apt (its Depends from Debian 11), through
/usr/bin/metrology-day. Writes report.txt (each run: exit status and first line) and the
window's screenshots into the output folder; exit status 0 only when every run passed.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bundle.compat import RUN_PACKAGES, apt_install, debootstrap, in_root, mounted, stamp

USER = "clerk"
HOME = f"/home/{USER}"
VIEWS = ("table", "calendar", "checklist", "notice")
# (what, arguments): every command of the command line, in the order a coordinator uses them.
COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("version", ("--version",)),
    ("help", ("--help",)),
    ("activities", ("activities",)),
    ("activities of a day", ("activities", "--level", "区级", "--day", "2021-05-20")),
    ("notice (Word)", ("export", "notice", "-o", "out/通知.docx")),
    ("appendix (Word)", ("export", "appendix", "-o", "out/附件.docx")),
    ("appendix (Excel)", ("export", "appendix", "-o", "out/附件.xlsx")),
    ("appendix (PDF)", ("export", "appendix", "--format", "pdf", "-o", "out/附件.pdf")),
    ("schedule", ("export", "schedule", "-o", "out/日程.docx")),
    ("calendar", ("export", "calendar", "-o", "out/日历.ics")),
    ("checklist", ("export", "checklist", "-o", "out/清单.xlsx")),
    ("template", ("template", "--unit", "黄浦", "-o", "out/黄浦模板.xlsx")),
    ("import", ("import", "out/黄浦模板.xlsx")),
    ("receive", ("receive", "--unit", "徐汇", "out/附件.docx")),
    ("summaries", ("export", "summaries", "-o", "out/汇编.docx")),
    ("clean", ("clean", "--dry-run")),
)


@dataclass
class Run:
    """One run of the program in the clean root."""

    what: str
    code: int
    said: str
    expected_refusal: bool = False  # exit 4 naming the package to install, as it should

    @property
    def passed(self) -> bool:
        return self.code == 0 or self.expected_refusal

    def line(self) -> str:
        return f"{'ok  ' if self.passed else 'FAIL'} {self.what}: exit {self.code}; {self.said}"


def _first_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[0][:120] if lines else ""


def run_as_user(root: Path, program: str, args: tuple[str, ...], display: str | None = None
                ) -> Run:
    """program args as the user, env -i with only HOME, PATH, LANG (and DISPLAY)."""
    env = [f"HOME={HOME}", "PATH=/usr/bin:/bin", "LANG=C.UTF-8"]
    env += [f"DISPLAY={display}"] if display else ["QT_QPA_PLATFORM=offscreen"]
    result = subprocess.run(["chroot", "--userspec", f"{USER}:{USER}", str(root), "env", "-i",
                             *env, "sh", "-c", f'cd {HOME} && exec "$0" "$@"', program, *args],
                            capture_output=True, text=True, timeout=600)
    if result.returncode == 0:
        said = _first_line(result.stdout) or _first_line(result.stderr)
    else:  # the error is the last thing said
        said = " | ".join([line for line in result.stderr.splitlines() if line.strip()][-3:])
    return Run(" ".join(args), result.returncode, said[:400])


def prepare(root: Path) -> None:
    """A clean Debian 11 root with Xvfb and a normal user."""
    debootstrap(root, RUN_PACKAGES)
    if not (root / "home" / USER).exists():
        subprocess.run(["chroot", str(root), "useradd", "-m", "-s", "/bin/sh", USER], check=True)
    subprocess.run(["chroot", str(root), "sh", "-c", f"mkdir -p {HOME}/out && "
                    f"chown -R {USER}:{USER} {HOME}/out"], check=True)


def bare_again(root: Path) -> None:
    """Take out an earlier run's .deb and everything apt brought with it, and the user's data."""
    done = stamp(root, "deb-installed")
    if done.exists():
        in_root(root, "apt-get purge -y -q metrology-day && apt-get autoremove --purge -y -q",
                env={"DEBIAN_FRONTEND": "noninteractive"})
        done.unlink()
    subprocess.run(["chroot", str(root), "sh", "-c", f"rm -rf {HOME}/.local {HOME}/.config "
                    f"{HOME}/out/* {HOME}/opt"], check=True)


def start_xvfb(root: Path, number: int = 77) -> subprocess.Popen:
    """Xvfb inside the root as the user (display :number)."""
    return subprocess.Popen(["chroot", "--userspec", f"{USER}:{USER}", str(root), "env", "-i",
                             "PATH=/usr/bin:/bin", "Xvfb", f":{number}", "-screen", "0",
                             "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def commands(root: Path, program: str, label: str) -> list[Run]:
    """Every command of the command line, in order."""
    return [_labelled(run_as_user(root, program, args), label) for _, args in COMMANDS]


def windows(root: Path, program: str, label: str, out: Path, display: str) -> list[Run]:
    """Each view's screenshot on the X display (xcb), copied to out."""
    runs = []
    for view in VIEWS:
        png = f"{HOME}/out/{label}-{view}.png"
        run = run_as_user(root, program, ("--screenshot", png, "--view", view), display)
        picture = root / png.lstrip("/")
        if run.code == 0 and picture.is_file():
            shutil.copyfile(picture, out / picture.name)
            run.said = f"{picture.stat().st_size} bytes PNG on Xvfb (xcb)"
        runs.append(_labelled(run, label))
    return runs


def _labelled(run: Run, label: str) -> Run:
    run.what = f"[{label}] {run.what}"
    return run


def glibc_floor(folder: Path) -> tuple[str, str]:
    """The highest GLIBC_ version any file asks for (objdump -T), and which file."""
    newest, where = (0, 0), ""
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink() or path.open("rb").read(4) != b"\x7fELF":
            continue
        symbols = subprocess.run(["objdump", "-T", str(path)], capture_output=True,
                                 text=True).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", symbols):
            if (int(major), int(minor)) > newest:
                newest, where = (int(major), int(minor)), str(path.relative_to(folder))
    return f"{newest[0]}.{newest[1]}", where


def check(root: Path, deb: Path, out: Path) -> int:
    """Run everything in the clean root; write out/report.txt; 0 when every run passed."""
    from bundle.freeze import folder_size, mib
    archive = next(iter(sorted(out.glob("metrology-day-*.tar.gz"))))
    prepare(root)
    runs: list[Run] = []
    with mounted(root):
        bare_again(root)
        xvfb = start_xvfb(root)
        try:
            opt = root / "home" / USER / "opt"
            if opt.exists():
                shutil.rmtree(opt)
            opt.mkdir()
            with tarfile.open(archive) as packed:
                packed.extractall(opt, filter="tar")
            subprocess.run(["chroot", str(root), "chown", "-R", f"{USER}:{USER}", f"{HOME}/opt"],
                           check=True)
            archived = f"{HOME}/opt/metrology-day/metrology-day"
            # The archive on a bare Debian 11: every command; the window is expected to refuse
            # with the one-line list of X libraries to install (a bare root has no libEGL).
            for run in commands(root, archived, "archive, no X libraries"):
                if run.code == 4 and "apt install" in run.said:  # QtGui needs libEGL: told so
                    run.expected_refusal = True
                runs.append(run)
            bare = run_as_user(root, archived, ("--screenshot", f"{HOME}/out/x.png"), ":77")
            runs.append(Run("[archive, no X libraries] window", bare.code, bare.said,
                            bare.code == 4 and "apt install" in bare.said))
            shutil.copyfile(deb, root / "tmp" / deb.name)
            apt_install(root, [f"/tmp/{deb.name}"], "deb-installed")
            runs += commands(root, "/usr/bin/metrology-day", "deb")
            runs += windows(root, "/usr/bin/metrology-day", "deb", out, ":77")
            # With the desktop libraries the .deb brought, the archive's commands and window.
            runs += commands(root, archived, "archive")
            runs += windows(root, archived, "archive", out, ":77")
        finally:
            xvfb.terminate()
            xvfb.wait(timeout=30)
    floor, where = glibc_floor(out / "metrology-day")
    with tempfile.TemporaryDirectory(prefix="deb-floor-") as unpacked:
        subprocess.run(["dpkg-deb", "-x", str(deb), unpacked], check=True)
        deb_floor, deb_where = glibc_floor(Path(unpacked) / "opt" / "metrology-day")
    report = [f"glibc floor of the compat bundle: GLIBC_{floor} (highest, in {where})",
              f"glibc floor of the files the .deb carries: GLIBC_{deb_floor} (in {deb_where})",
              f"bundle: {mib(folder_size(out / 'metrology-day'))} unpacked; "
              f"{archive.name}: {mib(archive.stat().st_size)}; "
              f"{deb.name}: {mib(deb.stat().st_size)}",
              f"run in: Debian 11 (debootstrap {root.name}), env -i, user {USER}", "",
              *(run.line() for run in runs)]
    (out / "report.txt").write_text("\n".join(report) + "\n", encoding="utf-8")
    print("\n".join(report))
    return 0 if all(run.passed for run in runs) else 1
