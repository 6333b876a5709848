"""Licences: the program's own (MIT), the third-party notices gathered from the installed
distributions, the Debian changelog the package carries, and 帮助 → 关于 naming them."""
from __future__ import annotations

import configparser
import re

from bundle.notices import notices_text
from resources import setup_cfg_version
from resources.licences import components
from tests.conftest import REPO


def test_the_program_has_the_mit_licence_setup_cfg_declares():
    cfg = configparser.ConfigParser(interpolation=None)
    cfg.read(REPO / "setup.cfg", encoding="utf-8")
    assert cfg.get("metadata", "license") == "MIT"
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")


def test_every_distribution_the_program_runs_on_is_named_with_version_and_licence():
    names = {c.name.lower().replace("_", "-"): c for c in components()}
    for needed in ("python", "pyside6-essentials", "shiboken6", "python-docx", "openpyxl",
                   "lxml", "sqlite-utils", "defusedxml", "icalendar", "platformdirs", "pypdf",
                   "docxcompose"):
        assert needed in names, needed
        assert names[needed].version and names[needed].licence != "unknown", needed
    assert "MIT" in names["openpyxl"].licence and "LGPL-3.0" in names["shiboken6"].licence
    assert any("Copyright" in text for _, text in names["python-docx"].texts)


def test_the_notices_give_the_lgpl_and_how_to_replace_qt():
    text = notices_text(components(), [])
    listed = text.split("\n\n", 2)[1].splitlines()
    assert all(line.startswith("- ") for line in listed) and len(listed) == len(components())
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "GNU GENERAL PUBLIC LICENSE" in text
    assert "_internal/PySide6/Qt/lib/libQt6*.so.6" in text and "Qt6*.dll" in text
    assert re.search(r"lxml \S+: LICENSE", text)


def test_the_debian_changelog_is_for_this_version_signed_without_a_comma():
    from bundle.deb import changelog_entry
    version, maintainer = changelog_entry()
    assert version == setup_cfg_version()
    assert "," not in maintainer and re.fullmatch(r"[^<>]+ <[^@<>]+@[^@<>]+>", maintainer)


def test_about_names_the_licence_the_third_party_software_and_where_the_texts_are(ctx, qtbot):
    from ui.main_window import MainWindow
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text().startswith("帮助"))
    next(a for a in help_menu.actions() if a.text().startswith("关于")).trigger()  # 关于(&A)
    kind, _, text = ctx.dialogs.messages[-1]
    assert kind == "about"
    assert "MIT" in text and "LGPL-3.0" in text
    assert re.search(r"PySide6.Essentials 6\.\d+", text) and re.search(r"Python 3\.\d+", text)
    assert "许可证全文：" in text
