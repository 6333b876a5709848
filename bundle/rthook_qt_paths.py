"""Run-time hook replacing PyInstaller's pyi_rth_pyside6: the same Qt paths, without importing Qt.

PyInstaller's hook imports PySide6.QtCore at every start to check for an embedded qt.conf,
which PySide6's PyPI wheels always register themselves; that import loaded Qt (and ICU) for
command-line runs that never draw. This hook only sets what the original sets on Linux and
Windows, and Qt is loaded when the program first imports it.
"""
import os
import sys


def _qt_paths() -> None:
    if sys.platform.startswith("win"):
        qt_root = os.path.join(sys._MEIPASS, "PySide6")
        os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")
    else:
        qt_root = os.path.join(sys._MEIPASS, "PySide6", "Qt")
    if "QT_PLUGIN_PATH" in os.environ:  # the user's, for the programs we start (models/child_env.py)
        os.environ["QT_PLUGIN_PATH_ORIG"] = os.environ["QT_PLUGIN_PATH"]
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_root, "plugins")


_qt_paths()
del _qt_paths
