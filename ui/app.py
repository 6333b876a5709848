"""Starting the window: application object, translations, single-instance lock, screenshot mode."""
from __future__ import annotations

import argparse
import sqlite3
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from exporters.pdf_fonts import has_cjk_font as has_chinese_font  # the interface needs one too
from models.db.db_health import DamagedDatabase, damage_of
from models.db.db_lock import LockedElsewhere
from models.db.opening import open_database
from models.db.paths import default_database_path, set_application_identity
from models.db.storage import Store
from models.editor import CampaignEditor
from models.errors import DatabaseInUse, StoreError
from models.failures import describe_failure
from models.i18n import _tr, install_translators
from resources import DISTRIBUTION, ICON_SIZES, icon_png
from ui.context import AppContext
from ui.dialogs import Dialogs, StderrDialogs
from ui.recovery import Recovery, offer_recovery
from ui.settings import Settings

if TYPE_CHECKING:
    from ui.main_window import MainWindow

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


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


def message_hook(dialogs: Dialogs, db_path: Path | None) -> ExceptHook:
    """An error hook that shows the user what went wrong (details on stderr), not a dead
    window: a database or file-system error in its own words (a damaged database points to
    恢复备份), anything else as 程序出错."""
    def hook(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None) -> None:
        _stderr_hook(exc_type, exc, tb)
        if QApplication.instance() is None or QApplication.closingDown():
            return
        problem = damage_of(exc, db_path) if isinstance(exc, sqlite3.Error) else None
        if problem is not None:  # the window is open: its own menu is the way back
            dialogs.error(QApplication.translate("App", "数据库已损坏"), problem.summary + "\n" +
                          QApplication.translate("App", "请用“文件 → 恢复备份”把备份放回原处"
                                                 "（当前的文件会先另存一份）。"))
            return
        if isinstance(exc, (sqlite3.Error, OSError)):
            dialogs.error(QApplication.translate("App", "操作未完成"),
                          describe_failure(exc, db_path))
            return
        dialogs.error(QApplication.translate("App", "程序出错"),
                      QApplication.translate("App", "操作未完成：{0}\n\n已保存的数据不受影响。")
                      .format(exc))
    return hook


def screenshot_problem(path: Path) -> str | None:
    """Why a screenshot cannot be saved at path (its folder is missing), or None."""
    if not path.resolve().parent.is_dir():
        return _tr("无法保存截图“{0}”：文件夹不存在。").format(path)
    return None


def take_screenshot(window: object, path: Path, app: QApplication) -> None:
    """Save the painted window to a PNG and quit (a message on stderr when it cannot)."""
    def grab() -> None:
        from ui.window_place import PREFERRED  # the same picture whatever the screen's size
        window.showNormal()  # type: ignore[attr-defined]
        window.resize(PREFERRED)  # type: ignore[attr-defined]
        app.processEvents()
        pixmap = window.grab()  # type: ignore[attr-defined]
        ok = pixmap.save(str(path))
        if not ok:
            sys.stderr.write(_tr("错误：{0}").format(
                _tr("无法保存截图“{0}”（没有写入权限，或磁盘已满）。").format(path)) + "\n")
        app.exit(0 if ok else 1)
    QTimer.singleShot(300, grab)


def _open(db_path: Path, dialogs: Dialogs, notes: list[str]) -> Store | int:
    """The window's database (see open_database), or the exit status when the user chose
    not to open it: another computer's lock is removed only when the user agrees; a damaged
    or empty file is offered a backup in its place (or, empty, a new campaign)."""
    try:
        return open_database(db_path, lock=True, warn=notes.append)
    except LockedElsewhere as exc:
        if not dialogs.confirm(QApplication.translate("App", "数据库被另一台计算机锁定"),
                               str(exc) + "\n\n" + QApplication.translate(
                                   "App", "确认那台计算机已不再使用它，删除锁文件并打开吗？")):
            return 3
        return open_database(db_path, lock=True, warn=notes.append, take_over_foreign=True)
    except DamagedDatabase as exc:
        from ui.backup_dialog import pick_backup
        note = QApplication.translate("App", "选择要放回原处的备份（原来的文件会另存一份）：")
        choice = offer_recovery(dialogs, exc, lambda backups: pick_backup(backups, None, note))
        if choice is Recovery.QUIT:
            return 2
        return open_database(db_path, lock=True, warn=notes.append,
                             init=choice is Recovery.CREATE)


def interactive(args: argparse.Namespace, app: QApplication) -> bool:
    """Whether someone can answer a dialog: not for a screenshot, nor on a platform that
    draws nowhere (offscreen, minimal)."""
    return not args.screenshot and app.platformName() not in ("offscreen", "minimal")


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window on the database (the embedded default on first start).

    A run nobody watches (see `interactive`) prints its messages to stderr and exits
    non-zero instead of waiting on a dialog."""
    if args.screenshot and (problem := screenshot_problem(args.screenshot)):
        sys.stderr.write(_tr("错误：{0}").format(problem) + "\n")
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not has_chinese_font():  # asked of Qt's font database: the application exists
        from ui.desktop_libraries import no_chinese_font_message
        sys.stderr.write(no_chinese_font_message())
    set_application_identity()
    app.setWindowIcon(application_icon())
    app.setDesktopFileName(DISTRIBUTION)  # Wayland finds the icon through metrology-day.desktop
    settings = Settings()
    install_translators(app, args.lang or settings.get("language"))
    watched = interactive(args, app)
    dialogs = Dialogs() if watched else StderrDialogs()
    db_path = args.db or default_database_path()
    sys.excepthook = message_hook(dialogs, db_path)
    notes: list[str] = []
    try:
        opened = _open(db_path, dialogs, notes)
        if isinstance(opened, int):
            return opened
        store = opened
    except DatabaseInUse as exc:
        dialogs.error(app.translate("App", "数据库正在使用"), str(exc))
        return 3
    except (StoreError, OSError, sqlite3.Error) as exc:
        message = describe_failure(exc, db_path)
        dialogs.error(app.translate("App", "无法打开数据库"), message)
        if watched:
            sys.stderr.write(_tr("错误：{0}").format(message) + "\n")
        return 2
    try:
        editor = CampaignEditor(store, parent=app)
    except (StoreError, sqlite3.Error) as exc:
        store.close()
        dialogs.error(app.translate("App", "无法打开数据库"), describe_failure(exc, db_path))
        return 2
    from ui.main_window import MainWindow
    ctx = AppContext(editor, settings, dialogs)
    window = MainWindow(ctx)
    ctx.dialogs.parent = window
    if notes:
        if watched:
            window.show_notes(notes)
        else:
            for note in notes:
                sys.stderr.write(_tr("警告：{0}").format(note) + "\n")
    if args.screenshot:
        window.show_view(args.view)
        take_screenshot(window, args.screenshot, app)
    window.show()
    try:
        return app.exec()
    finally:
        release(window, ctx)


def release(window: MainWindow, ctx: AppContext) -> None:
    """Tear down in a fixed order: window, undo stacks, document, database; the application
    object goes last, when the caller lets it go. No error hook builds a widget after this."""
    sys.excepthook = _stderr_hook
    window.detach()
    ctx.dialogs.parent = None
    shiboken6.delete(window)
    ctx.editor.close_history()
    shiboken6.delete(ctx.editor.undo_group)  # and every year's stack with it
    shiboken6.delete(ctx.document)
    ctx.store.close()
