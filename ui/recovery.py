"""A database the window cannot open because it is damaged or empty: put a backup back in
its place, start a new campaign in an empty file, or quit, as the user chooses."""
from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from models.db.backup import BackupInfo, list_backups
from models.db.db_health import DamagedDatabase, EmptyDatabase
from models.db.opening import restore_in_place
from models.errors import StoreError
from models.i18n import _tr
from ui.dialogs import Dialogs

PickBackup = Callable[[list[BackupInfo]], BackupInfo | None]


class Recovery(Enum):
    """What the user chose."""

    RESTORED = "restored"
    CREATE = "create"
    QUIT = "quit"


def _question(backups: bool, is_empty: bool) -> str:
    """What the user can do, in the window's words."""
    if is_empty:
        return (_tr("可以把最新的备份（或另选一个）放回原处，或者在这个文件中新建 2021 年活动。")
                if backups else _tr("可以在这个文件中新建 2021 年活动。"))
    return (_tr("可以把最新的备份（或另选一个）放回原处；损坏的文件会另存一份，不会删除。")
            if backups else _tr("请不要删除这个文件，联系技术人员尝试修复。"))


def offer_recovery(dialogs: Dialogs, problem: DamagedDatabase, pick: PickBackup) -> Recovery:
    """Say what is wrong and offer 恢复备份 (when there are backups), 新建 (for an empty file
    only) or 退出; a chosen backup is put in place before this returns RESTORED."""
    path = problem.path
    backups = list_backups(path)
    is_empty = isinstance(problem, EmptyDatabase)
    title = _tr("数据库是空的") if is_empty else _tr("数据库已损坏")
    choices: list[tuple[str, Recovery | None]] = []
    if backups:
        choices.append((_tr("恢复备份…"), None))
    if is_empty:
        choices.append((_tr("新建 2021 年活动"), Recovery.CREATE))
    choices.append((_tr("退出"), Recovery.QUIT))
    text = problem.summary + "\n\n" + _question(bool(backups), is_empty)
    while True:
        index = dialogs.choose(title, text, [label for label, _ in choices])
        if index is None:
            return Recovery.QUIT
        action = choices[index][1]
        if action is not None:
            return action
        info = pick(backups)
        if info is None:
            continue
        try:
            kept = restore_in_place(path, info.path)
        except StoreError as exc:
            dialogs.error(_tr("恢复备份"), str(exc))
            continue
        done = _tr("已恢复 {0} 的备份。").format(f"{info.taken:%Y-%m-%d %H:%M}")
        if kept is not None:
            done += "\n" + _tr("原来的文件另存为“{0}”。").format(kept)
        dialogs.info(_tr("恢复备份"), done)
        return Recovery.RESTORED
