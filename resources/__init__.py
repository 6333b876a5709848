"""Files shipped with the program: the embedded 2021 campaign, translations, icons; its version."""
from __future__ import annotations

import configparser
from pathlib import Path

RESOURCE_DIR = Path(__file__).resolve().parent
DEFAULT_CAMPAIGN = RESOURCE_DIR / "campaign_2021.json"
DISTRIBUTION = "metrology-day"
SETUP_CFG = RESOURCE_DIR.parent / "setup.cfg"
ICON_SVG = RESOURCE_DIR / "metrology-day.svg"
ICON_ICO = RESOURCE_DIR / "icons" / "metrology-day.ico"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def resource_path(name: str) -> Path:
    """The path of a shipped resource file."""
    return RESOURCE_DIR / name


def icon_png(size: int) -> Path:
    """The application icon drawn at size × size pixels (generated from ICON_SVG)."""
    return RESOURCE_DIR / "icons" / f"metrology-day-{size}.png"


def setup_cfg_version(path: Path = SETUP_CFG) -> str:
    """The version written in setup.cfg, the one place it is set."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(path, encoding="utf-8")
    return parser.get("metadata", "version")


def program_version() -> str:
    """setup.cfg's version in a source tree; elsewhere the installed or bundled metadata's."""
    if SETUP_CFG.is_file():
        return setup_cfg_version(SETUP_CFG)
    from importlib import metadata  # here: importing it costs every command 18 ms
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"
