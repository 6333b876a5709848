"""Windows: the exe's version resource and the per-user NSIS installer of the bundle.

The installer (bundle/installer.nsi) needs no administrator: it installs into
%LOCALAPPDATA%\\Programs\\metrology-day, adds a Start-menu and a desktop shortcut and an entry
in 应用和功能 (HKCU), and its uninstaller removes exactly the files it installed (never the
user's data in %LOCALAPPDATA%\\SHSAMR). Compiled by makensis (Windows, or Debian's nsis).
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path, PureWindowsPath

from bundle.contents import PROGRAM
from resources import ICON_ICO, setup_cfg_version

HERE = Path(__file__).resolve().parent
NSIS_SCRIPT = HERE / "installer.nsi"
COMPANY = "上海市市场监督管理局计量处"
PRODUCT = "5·20世界计量日活动管理"
PRODUCT_EN = "Metrology Day campaign manager"
COPYRIGHT = "© 2021-2026 上海市市场监督管理局计量处 (MIT)"


def version_tuple(version: str | None = None) -> tuple[int, int, int, int]:
    """0.1.0 → (0, 1, 0, 0): the four numbers Windows keeps."""
    numbers = [int(n) for n in re.findall(r"\d+", version or setup_cfg_version())[:4]]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def version_info_text(exe_name: str, version: str | None = None) -> str:
    """PyInstaller's version-file text for one exe: file and product version, names, company."""
    version = version or setup_cfg_version()
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY, "FileDescription": PRODUCT, "FileVersion": version,
        "InternalName": PROGRAM, "LegalCopyright": COPYRIGHT, "OriginalFilename": exe_name,
        "ProductName": PRODUCT, "ProductVersion": version, "Comments": PRODUCT_EN,
    }
    string_structs = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
          {string_structs}])]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def write_version_file(folder: Path, exe_name: str) -> Path:
    """The version file for exe_name, written into folder (for the spec's EXE(version=…))."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{Path(exe_name).stem}-version.txt"
    target.write_text(version_info_text(exe_name), encoding="utf-8")
    return target


def _nsis_path(path: Path) -> str:
    """A path as a quoted NSIS string ($ and " cannot occur in the bundle's names)."""
    text = str(path)
    if '"' in text or "$" in text:
        raise ValueError(f"cannot name {path} in an NSIS script")
    return f'"{text}"'


def file_list(bundle: Path) -> str:
    """The NSIS lines that install every file of the bundle (!macro INSTALL_FILES) and remove
    exactly those files and their folders (!macro REMOVE_FILES)."""
    folders = sorted({p.relative_to(bundle).parent for p in bundle.rglob("*") if p.is_file()},
                     key=lambda p: (len(p.parts), str(p)))
    install, remove = ["!macro INSTALL_FILES"], ["!macro REMOVE_FILES"]
    for folder in folders:
        target = PureWindowsPath("$INSTDIR", *folder.parts)
        install.append(f'  SetOutPath "{target}"')
        for path in sorted(p for p in (bundle / folder).iterdir() if p.is_file()):
            install.append(f"  File {_nsis_path(path)}")
            remove.append(f'  Delete "{target / path.name}"')
    for folder in sorted(folders, key=lambda p: -len(p.parts)):
        if folder.parts:
            remove.append(f'  RMDir "{PureWindowsPath("$INSTDIR", *folder.parts)}"')
    install.append("!macroend")
    remove.append("!macroend")
    return "\n".join(install + [""] + remove) + "\n"


def makensis() -> str | None:
    """The NSIS compiler, where installed (Windows: NSIS; Debian: apt install nsis)."""
    found = shutil.which("makensis")
    if found is None:
        for base in (r"C:\Program Files (x86)\NSIS", r"C:\Program Files\NSIS"):
            candidate = Path(base) / "makensis.exe"
            if candidate.is_file():
                return str(candidate)
    return found


def build_installer(bundle: Path, out_dir: Path, work_dir: Path) -> Path:
    """metrology-day-<version>-setup.exe from the bundle folder, compiled by makensis."""
    program = makensis()
    if program is None:
        raise FileNotFoundError("makensis is not installed (NSIS; on Debian: apt install nsis)")
    work_dir.mkdir(parents=True, exist_ok=True)
    files = work_dir / "files.nsh"
    files.write_text(file_list(bundle), encoding="utf-8")
    version = setup_cfg_version()
    target = out_dir / f"{PROGRAM}-{version}-setup.exe"
    out_dir.mkdir(parents=True, exist_ok=True)
    defines = {"VERSION": version, "VERSION4": ".".join(map(str, version_tuple(version))),
               "FILES": str(files), "ICON": str(ICON_ICO), "OUTFILE": str(target),
               "LICENSE": str(bundle / "LICENSE.txt"), "COMPANY": COMPANY, "PRODUCT": PRODUCT,
               "SIZE_KB": str(sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
                              // 1024)}
    switch = "/" if program.lower().endswith(".exe") else "-"
    subprocess.run([program, f"{switch}V2", f"{switch}INPUTCHARSET", "UTF8",
                    *(f"{switch}D{k}={v}" for k, v in defines.items()), str(NSIS_SCRIPT)],
                   check=True, stdout=subprocess.DEVNULL)
    return target
