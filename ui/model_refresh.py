"""Refreshing a table model's values without a reset when its shape stays the same."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, Qt


def refresh_values(model: QAbstractTableModel, same_shape: bool,
                   replace: Callable[[], None]) -> None:
    """Put new values in place (`replace`): with the same rows and columns in the same order,
    as changed values only, so an open cell editor stays the view's own (a reset would orphan
    it: Qt's commitData warning on stderr); otherwise as a reset."""
    if not same_shape:
        model.beginResetModel()
        replace()
        model.endResetModel()
        return
    replace()
    rows, columns = model.rowCount(), model.columnCount()
    if rows and columns:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1))
    if columns:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
    if rows:
        model.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)
