"""Files shipped with the program: the embedded 2021 campaign, translations, icons."""
from __future__ import annotations

from pathlib import Path

RESOURCE_DIR = Path(__file__).resolve().parent
DEFAULT_CAMPAIGN = RESOURCE_DIR / "campaign_2021.json"


def resource_path(name: str) -> Path:
    """The path of a shipped resource file."""
    return RESOURCE_DIR / name
