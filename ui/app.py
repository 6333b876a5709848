"""Starting the window: application object, translations, single-instance lock, screenshot mode."""
from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Literal

import shiboken6
from PySide6.QtCore import QLibraryInfo, QLocale, QLockFile, QTimer, QTranslator
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox

from models.db_lock import IN_USE_MESSAGE, LockedElsewhere, lock_database
from models.document import CampaignDocument
from models.paths import set_application_identity
from models.seed import open_seeded
from models.storage import StoreError
from resources import resource_path
from ui.context import AppContext
from ui.dialogs import Dialogs
from ui.settings import Settings

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """English when asked for or when the system speaks English; otherwise Chinese (the source).

    Qt's own dialogs follow: its qtbase translation, plus our supplement for the few texts
    Qt's Chinese file leaves in English; dates and month names follow the default locale.
    """
    if not language:
        language = "en" if QLocale.system().language() == QLocale.Language.English else "zh"
    if language == "en":
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
        ours = "metrology_en.qm"
    else:
        locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        ours = "qt_supplement_zh_CN.qm"
    QLocale.setDefault(locale)
    translators: list[QTranslator] = []
    qt_base = QTranslator(app)
    if qt_base.load(locale, "qtbase", "_",
                    QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt_base)
    supplement = QTranslator(app)
    if supplement.load(str(resource_path(ours))):
        translators.append(supplement)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def _stderr_hook(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
    """Unexpected errors while no window can show them: details on stderr only."""
    sys.stderr.write("".join(traceback.format_exception(exc_type, exc, tb)))


def _message_hook(exc_type: type[BaseException], exc: BaseException,
                  tb: TracebackType | None) -> None:
    """Unexpected errors reach the user as a message (details on stderr), not a dead window."""
    _stderr_hook(exc_type, exc, tb)
    if QApplication.instance() is None or QApplication.closingDown():
        return
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


def _take_lock(app: QApplication, db_path: Path) -> QLockFile | Literal[False] | None:
    """The database lock (None: in use here; False: the user kept another computer's lock);
    another computer's lock is removed only when the user agrees."""
    try:
        return lock_database(db_path)
    except LockedElsewhere as exc:
        answer = QMessageBox.question(
            None, app.translate("App", "数据库被另一台计算机锁定"),
            str(exc) + "\n\n" + app.translate("App", "确认那台计算机已不再使用它，删除锁文件并打开吗？"))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return lock_database(db_path, take_over_foreign=True)


def run_gui(args: argparse.Namespace, db_path: Path) -> int:
    """Open the main window on the database (the embedded default on first start)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_application_identity()
    settings = Settings()
    install_translators(app, args.lang or settings.get("language"))
    sys.excepthook = _message_hook
    try:
        lock = _take_lock(app, db_path)
    except StoreError as exc:
        QMessageBox.critical(None, app.translate("App", "无法打开数据库"), str(exc))
        return 2
    if lock is False:
        return 3
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
        release(window, ctx)
        lock.unlock()


def release(window: MainWindow, ctx: AppContext) -> None:
    """Tear down in a fixed order: window, undo stack, document, database; the application
    object goes last, when the caller lets it go. No error hook builds a widget after this."""
    sys.excepthook = _stderr_hook
    window.detach()
    ctx.dialogs.parent = None
    shiboken6.delete(window)
    ctx.undo_stack.clear()
    shiboken6.delete(ctx.undo_stack)
    shiboken6.delete(ctx.document)
    ctx.store.close()
