"""Undo and redo as window actions that follow the open year's undo stack."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QUndoGroup, QUndoStack


class StackAction(QAction):
    """Undo (or redo) the stack's next step, first saving what is typed but not applied."""

    def __init__(self, stack: QUndoGroup | QUndoStack, plain: str, named: str, undo: bool,
                 commit_pending: Callable[[], object], parent: QObject,
                 redo: Callable[[], object] | None = None,
                 refused: Callable[[str, Callable[[], object]], object] | None = None) -> None:
        """`stack`: a stack, or the group whose active stack it follows; `redo` steps forward
        raising a refusal, which `refused(title, call)` reports."""
        super().__init__(plain, parent)
        self.stack = stack
        self.redo = redo or stack.redo
        self.refused = refused or (lambda _title, call: call())
        self.plain = plain
        self.named = named
        self.is_undo = undo
        self.commit_pending = commit_pending
        self.triggered.connect(self.run)
        self.update_from_stack()

    @Slot()
    def run(self) -> None:
        """Save typing, then step the stack."""
        self.commit_pending()
        if self.is_undo:
            self.stack.undo()
        else:
            self.refused(self.plain, self.redo)

    @Slot()
    def update_from_stack(self) -> None:
        """Enabled state and text naming the step."""
        text = self.stack.undoText() if self.is_undo else self.stack.redoText()
        self.setEnabled(self.stack.canUndo() if self.is_undo else self.stack.canRedo())
        self.setText(self.named.format(text) if text else self.plain)
