"""Guard against the PySide6 build that drops a reference to None on every void call."""
from __future__ import annotations

import subprocess
import sys
import textwrap

CALLS = 40_000


def test_tens_of_thousands_of_void_qt_calls_do_not_abort():
    """PySide6 6.12.0 on CPython 3.11 aborts with none_dealloc after ~5,000 such calls."""
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QCoreApplication, QObject
        from PySide6.QtGui import QStandardItemModel
        app = QCoreApplication.instance() or QCoreApplication([])
        obj = QObject()
        model = QStandardItemModel()
        before = sys.getrefcount(None)
        for i in range({CALLS}):
            obj.setObjectName("x")
            model.beginResetModel()
            model.endResetModel()
            app.processEvents()
        print(abs(sys.getrefcount(None) - before))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=300, env={"QT_QPA_PLATFORM": "offscreen",
                                              **__import__("os").environ})
    assert result.returncode == 0, result.stderr[-2000:]
    leaked = int(result.stdout.strip().splitlines()[-1])
    assert leaked < CALLS // 10, f"None lost {leaked} references over {CALLS * 4} void calls"
