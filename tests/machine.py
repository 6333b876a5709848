"""What a test needs of the machine, checked the way the program checks it: when it is
missing the test is skipped with the program's own reason, never failed."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from tests.xdisplay import xvfb


def skip_without_cjk_font() -> None:
    """Skip where no Chinese font is installed: every PDF Qt draws would be blank (the
    program refuses those exports, exporters/pdf_fonts.py). Needs a QGuiApplication."""
    from exporters.pdf_fonts import missing_cjk_font
    reason = missing_cjk_font()
    if reason is not None:
        pytest.skip(reason)


def skip_without_xcb_libraries() -> None:
    """Skip where Qt's xcb platform could not start: the program names the missing X11
    libraries' packages and stops (ui/desktop_libraries.py)."""
    from ui.desktop_libraries import missing_message, missing_packages
    missing = missing_packages()
    if missing:
        pytest.skip(missing_message(missing).strip())


@contextmanager
def real_x_display(what: str, size: str = "1600x1000") -> Iterator[str]:
    """A private X display (Xvfb) for a test of the real xcb platform; skipped with the
    reason when the X11 libraries or Xvfb are missing."""
    skip_without_xcb_libraries()
    with xvfb(size) as display:
        if display is None:
            pytest.skip(f"Xvfb is not installed: {what} needs a real X server")
        yield display
