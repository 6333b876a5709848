"""Dependencies the program reaches into beyond their public API are pinned to what was tested."""
from __future__ import annotations

import configparser
from importlib.metadata import version

from packaging.requirements import Requirement

from tests.conftest import REPO


def _requirement(name: str) -> Requirement:
    """The install requirement setup.cfg gives for a distribution."""
    config = configparser.ConfigParser()
    config.read(REPO / "setup.cfg", encoding="utf-8")
    lines = config["options"]["install_requires"].splitlines()
    [found] = [Requirement(line) for line in lines
               if line.strip() and not line.strip().startswith("#")
               and Requirement(line).name == name]
    return found


def test_docxcompose_is_pinned_to_the_tested_minor_version():
    """The book uses Composer._current_preserved_styles, a private attribute another
    release may rename: setup.cfg allows only the release line it was tested with."""
    from docxcompose.composer import Composer
    requirement = _requirement("docxcompose")
    assert any(spec.operator == "<" for spec in requirement.specifier)
    assert version("docxcompose") in requirement.specifier
    assert "_current_preserved_styles" in Composer.insert.__code__.co_names
