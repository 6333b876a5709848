"""The window's export actions, made from the one list of exports (exporters.EXPORTERS)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction

import exporters
from exporters import Exporter
from ui import hotkeys
from ui.actions import make_action
from ui.dialogs import Dialogs

ExportKey = tuple[str, str]
"""(what, fmt): an export's key in the registry and in the window's `export_actions`."""


def export_actions(parent: QObject, dialogs: Dialogs,
                   export: Callable[[str, str], object]) -> dict[ExportKey, QAction]:
    """One action per export, in registry order: its label translated, its shortcut from
    ui.hotkeys, its failures shown as messages; triggering it calls export(what, fmt)."""
    return {(entry.what, entry.fmt): _action(parent, dialogs, entry, export)
            for entry in exporters.EXPORTERS}


def toolbar_exports(actions: dict[ExportKey, QAction]) -> list[QAction]:
    """The export actions the registry puts on the toolbar, in registry order."""
    return [actions[entry.what, entry.fmt] for entry in exporters.EXPORTERS if entry.toolbar]


def save_title(entry: Exporter) -> str:
    """The save dialog's title: the menu item without its dots (导出通知（Word）)."""
    return QCoreApplication.translate("MainWindow", entry.label).removesuffix("…")


def _action(parent: QObject, dialogs: Dialogs, entry: Exporter,
            export: Callable[[str, str], object]) -> QAction:
    """The action of one registry entry."""
    keys: hotkeys.Keys = getattr(hotkeys, entry.shortcut) if entry.shortcut else ()
    text = QCoreApplication.translate("MainWindow", entry.label)
    action = make_action(parent, dialogs, text, lambda: export(entry.what, entry.fmt), keys)
    if entry.toolbar:  # a fixed, short button text: the bar fits and stays put
        action.setIconText(QCoreApplication.translate("MainWindow", entry.toolbar))
    return action
