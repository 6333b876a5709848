"""Access letters for menu entries (Alt+F, then a letter): Chinese entries get 导出通知(&N)…
as Chinese Windows programs write it, English ones an underlined letter of their own."""
from __future__ import annotations

import re
import string

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

CJK = re.compile("[\u3400-\u9fff]")
ELLIPSIS = ("…", "...")


def _taken(text: str) -> str | None:
    """The access letter a text already has (after &), upper-cased."""
    match = re.search("&([^&])", text)
    return match.group(1).upper() if match else None


def _shortcut_letters(action: QAction) -> list[str]:
    """The letters of an action's shortcuts (Ctrl+P → P), upper-cased."""
    letters = []
    for sequence in action.shortcuts():
        last = sequence.toString().split("+")[-1]
        if len(last) == 1 and last.isalpha():
            letters.append(last.upper())
    return letters


def _preferred(action: QAction, text: str) -> list[str]:
    """Letters to try, best first: the shortcut's letter, the text's own Latin letters,
    then (for a Chinese text, which shows the letter in brackets) the alphabet."""
    own = [c.upper() for c in text if c.isascii() and c.isalpha()]
    shortcut = _shortcut_letters(action)
    if CJK.search(text):
        return shortcut + own + list(string.ascii_uppercase)
    return [c for c in shortcut if c in own] + own


def with_access_key(action: QAction, text: str, used: set[str]) -> str:
    """The text with an access letter not in `used` (which it joins), or as it was. An
    English text always underlines a letter of its own, one another entry has too when all
    of its letters are taken (pressing it again then moves between them, as Qt does)."""
    preferred = _preferred(action, text)
    letter = next((c for c in preferred if c not in used), None)
    if letter is None and not CJK.search(text):
        letter = next(iter(preferred), None)
    if letter is None:
        return text
    used.add(letter)
    if CJK.search(text):
        stem, tail = text, ""
        for ellipsis in ELLIPSIS:
            if text.endswith(ellipsis):
                stem, tail = text[: -len(ellipsis)], ellipsis
        return f"{stem}(&{letter}){tail}"
    at = next(i for i, c in enumerate(text) if c.upper() == letter)
    return text[:at] + "&" + text[at:]


def give_access_keys(menu: QMenu, skip: tuple[QAction, ...] = ()) -> None:
    """An access letter for every entry of a menu (and its submenus) that has none; the
    actions in `skip` (undo and redo, whose text follows the history) are left alone."""
    actions = [a for a in menu.actions() if not a.isSeparator()]
    used = {letter for a in actions if (letter := _taken(a.text()))}
    # entries with a shortcut choose first, so Print… (Ctrl+P) keeps its P
    for action in sorted(actions, key=lambda a: not _shortcut_letters(a)):
        if action.menu() is not None:
            give_access_keys(action.menu(), skip)  # type: ignore[arg-type]
        if action in skip or _taken(action.text()):
            continue
        tip, button = action.toolTip(), action.iconText()  # Qt derives both from the text
        action.setText(with_access_key(action, action.text(), used))
        if action.toolTip() != tip:  # keep them as they were: the letter is the menu's
            action.setToolTip(tip)
        if action.iconText() != button:
            action.setIconText(button)


def plain_text(text: str) -> str:
    """A menu text without its access letter: 导出通知(&N)… → 导出通知…, &Open → Open."""
    return re.sub(r"\(&[^&)]\)", "", text).replace("&", "")
