"""Starting the window: application object, translations, single-instance lock, screenshot mode."""
from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from models.db_lock import LockedElsewhere
from models.editor import CampaignEditor
from models.errors import DatabaseInUse, StoreError
from models.i18n import _tr, install_translators
from models.opening import open_database
from models.paths import default_database_path, set_application_identity
from models.storage import Store
from resources import DISTRIBUTION, ICON_SIZES, icon_png
from ui.context import AppContext
from ui.dialogs import Dialogs
from ui.settings import Settings

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def _stderr_hook(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
    """Unexpected errors while no window can show them: details on stderr only."""
    sys.stderr.write("".join(traceback.format_exception(exc_type, exc, tb)))


def application_icon() -> QIcon:
    """The program's icon at every drawn size, for the windows and the task bar."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icon_png(size)))
    return icon


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


def _open(app: QApplication, db_path: Path) -> Store | None:
    """The window's database (see open_database); another computer's lock is removed only
    when the user agrees (None when they keep it)."""
    def warn(message: str) -> None:
        sys.stderr.write(_tr("警告：{0}").format(message) + "\n")
    try:
        return open_database(db_path, lock=True, warn=warn)
    except LockedElsewhere as exc:
        answer = QMessageBox.question(
            None, app.translate("App", "数据库被另一台计算机锁定"),
            str(exc) + "\n\n" + app.translate("App", "确认那台计算机已不再使用它，删除锁文件并打开吗？"))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return open_database(db_path, lock=True, warn=warn, take_over_foreign=True)


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window on the database (the embedded default on first start)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    set_application_identity()
    app.setWindowIcon(application_icon())
    app.setDesktopFileName(DISTRIBUTION)  # Wayland finds the icon through metrology-day.desktop
    settings = Settings()
    install_translators(app, args.lang or settings.get("language"))
    sys.excepthook = _message_hook
    try:
        store = _open(app, args.db or default_database_path())
    except DatabaseInUse as exc:
        QMessageBox.warning(None, app.translate("App", "数据库正在使用"), str(exc))
        return 3
    except StoreError as exc:
        QMessageBox.critical(None, app.translate("App", "无法打开数据库"), str(exc))
        sys.stderr.write(_tr("错误：{0}").format(exc) + "\n")
        return 2
    if store is None:  # the user kept another computer's lock
        return 3
    from ui.main_window import MainWindow
    ctx = AppContext(CampaignEditor(store, parent=app), settings, Dialogs())
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
