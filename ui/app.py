"""Starting the window: application object, translations, single-instance lock, screenshot mode."""
from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from models.db_lock import IN_USE_MESSAGE, lock_database
from models.document import CampaignDocument
from models.paths import set_application_identity
from models.seed import open_seeded
from models.storage import StoreError
from resources import DISTRIBUTION, ICON_SIZES, icon_png, resource_path
from ui.context import AppContext
from ui.dialogs import Dialogs
from ui.settings import Settings


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """English when asked for or when the system speaks English; otherwise Chinese (the source)."""
    if not language:
        language = "en" if QLocale.system().language() == QLocale.Language.English else "zh"
    translators: list[QTranslator] = []
    if language == "en":
        qt_base = QTranslator(app)
        if qt_base.load(QLocale(QLocale.Language.English), "qtbase", "_",
                        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt_base)
        ours = QTranslator(app)
        if ours.load(str(resource_path("metrology_en.qm"))):
            translators.append(ours)
    else:
        qt_base = QTranslator(app)
        if qt_base.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt_base)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def application_icon() -> QIcon:
    """The program's icon at every drawn size, for the windows and the task bar."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_png(size)))
    return icon


def _message_hook(exc_type: type[BaseException], exc: BaseException,
                  tb: TracebackType | None) -> None:
    """Unexpected errors reach the user as a message (details on stderr), not a dead window."""
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    sys.stderr.write(details)
    QMessageBox.critical(None, QApplication.translate("App", "程序出错"),
                         QApplication.translate("App", "操作未完成：{0}\n\n已保存的数据不受影响。")
                         .format(exc))


def take_screenshot(window: object, path: Path, app: QApplication) -> None:
    """Save the painted window to a PNG and quit."""
    def grab() -> None:
        app.processEvents()
        pixmap = window.grab()  # type: ignore[attr-defined]
        ok = pixmap.save(str(path))
        app.exit(0 if ok else 1)
    QTimer.singleShot(300, grab)


def run_gui(args: argparse.Namespace, db_path: Path) -> int:
    """Open the main window on the database (the embedded default on first start)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_application_identity()
    app.setWindowIcon(application_icon())
    app.setDesktopFileName(DISTRIBUTION)  # Wayland finds the icon through metrology-day.desktop
    settings = Settings()
    install_translators(app, args.lang or settings.get("language"))
    sys.excepthook = _message_hook
    try:
        lock = lock_database(db_path)
    except StoreError as exc:
        QMessageBox.critical(None, app.translate("App", "无法打开数据库"), str(exc))
        return 2
    if lock is None:
        QMessageBox.warning(None, app.translate("App", "数据库正在使用"),
                            app.translate("App", IN_USE_MESSAGE).format(db_path))
        return 3
    try:
        store = open_seeded(db_path)
    except StoreError as exc:
        QMessageBox.critical(None, app.translate("App", "无法打开数据库"), str(exc))
        sys.stderr.write(f"错误：{exc}\n")
        return 2
    from models.backup import backup_if_due
    from ui.main_window import MainWindow
    try:
        backup_if_due(store)
    except StoreError as exc:
        sys.stderr.write(f"警告：{exc}\n")
    ctx = AppContext(store, CampaignDocument(store), settings, QUndoStack(app), Dialogs())
    window = MainWindow(ctx)
    ctx.dialogs.parent = window
    if args.screenshot:
        window.show_view(args.view)
        take_screenshot(window, args.screenshot, app)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
        lock.unlock()
