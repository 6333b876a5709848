"""The version: set once in setup.cfg, printed by --version."""
from __future__ import annotations

import configparser
import subprocess
import sys
from importlib import metadata

import resources
from resources import DISTRIBUTION, program_version
from tests.conftest import REPO


def setup_cfg_version() -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(REPO / "setup.cfg", encoding="utf-8")
    return parser["metadata"]["version"]


def test_version_option_prints_the_setup_cfg_version():
    result = subprocess.run([sys.executable, "main.py", "--version"], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{DISTRIBUTION} {setup_cfg_version()}"


def test_the_program_reads_its_version_from_setup_cfg(tmp_path, monkeypatch):
    assert program_version() == setup_cfg_version()
    moved = tmp_path / "setup.cfg"
    moved.write_text("[metadata]\nname = metrology-day\nversion = 9.8.7\n", encoding="utf-8")
    monkeypatch.setattr(resources, "SETUP_CFG", moved)
    assert program_version() == "9.8.7"


def test_without_setup_cfg_the_installed_metadata_answers(tmp_path, monkeypatch):
    """How a bundle finds it: PyInstaller copies the package metadata, there is no setup.cfg.
    The metadata here says another version than any setup.cfg, so only it can be the source."""
    monkeypatch.setattr(resources, "SETUP_CFG", tmp_path / "missing.cfg")
    asked = []

    def installed(name: str) -> str:
        asked.append(name)
        return "3.2.1.bundled"
    monkeypatch.setattr(metadata, "version", installed)
    assert program_version() == "3.2.1.bundled"
    assert asked == [DISTRIBUTION]


def test_without_setup_cfg_or_metadata_the_version_is_unknown(tmp_path, monkeypatch):
    monkeypatch.setattr(resources, "SETUP_CFG", tmp_path / "missing.cfg")

    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)
    monkeypatch.setattr(metadata, "version", not_installed)
    assert program_version() == "unknown"
