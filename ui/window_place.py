"""Where the main window opens: inside the screen's available area, maximised on a small
screen, at the size it last had on a screen of that size."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1400, 860)
"""The size the window opens at on a screen with room for it (logical pixels)."""
FRAME_ROOM = QSize(40, 80)
"""Room left around that size for the window frame, title bar and task bar."""


def screen_key(screen: QScreen) -> str:
    """The settings name of the window's geometry on a screen of this usable size."""
    area = screen.availableGeometry()
    return f"geometry_{area.width()}x{area.height()}"


def screen_of(window: QWidget) -> QScreen:
    """The screen the window is (or will be) on."""
    return window.screen() or QGuiApplication.primaryScreen()


def fits(window: QWidget, area: QRect) -> bool:
    """Whether the window, as restored, lies inside the usable area (a maximised one does)."""
    if window.windowState() & Qt.WindowState.WindowMaximized:
        return True
    return area.contains(window.geometry())


def place(window: QWidget, saved: QByteArray | None) -> None:
    """Restore the geometry saved for this screen size when it fits; otherwise open at the
    preferred size centred in the usable area, or maximised when that does not fit."""
    area = screen_of(window).availableGeometry()
    if saved is not None and window.restoreGeometry(saved) and fits(window, area):
        return
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMaximized)
    if (area.width() < PREFERRED.width() + FRAME_ROOM.width()
            or area.height() < PREFERRED.height() + FRAME_ROOM.height()):
        window.setGeometry(area)
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    frame = QRect(0, 0, PREFERRED.width(), PREFERRED.height())
    frame.moveCenter(area.center())
    window.setGeometry(frame)


def fitted_size(preferred: QSize, area: QRect) -> QSize:
    """A dialog's preferred size, made smaller where the usable area (less the frame room)
    has no room for it."""
    return QSize(min(preferred.width(), area.width() - FRAME_ROOM.width()),
                 min(preferred.height(), area.height() - FRAME_ROOM.height()))


def fit(window: QWidget, width: int, height: int) -> None:
    """Size a dialog at width × height, or smaller, so it opens inside the screen."""
    window.resize(fitted_size(QSize(width, height), screen_of(window).availableGeometry()))
