"""Before Qt starts on a Linux desktop: the system libraries its xcb platform needs.

Qt's wheels bundle Qt itself but not the X11 libraries; without one of them Qt aborts
with "could not load the Qt platform plugin". We look for each library first and name the
Debian/UOS/Kylin packages that are missing, in one line. No Qt import here.
"""
from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable

# soname → Debian package (the same names on 统信 UOS and 麒麟 Kylin)
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}


# Fonts that draw Chinese, first the one to install (the .deb recommends them all).
CJK_FONT_PACKAGES = ("fonts-noto-cjk", "fonts-wqy-microhei", "fonts-wqy-zenhei")


def no_chinese_font_message() -> str:
    """One line saying no installed font draws Chinese, and what to install."""
    return ("警告：没有找到中文字体，界面文字将显示为方框；请安装 "
            f"{CJK_FONT_PACKAGES[0]}（sudo apt install {CJK_FONT_PACKAGES[0]}）"
            f" / warning: no Chinese font installed; install {CJK_FONT_PACKAGES[0]}\n")


def _loads(soname: str) -> bool:
    """Whether the dynamic loader finds a library."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def needs_xcb(platform: str = sys.platform, environ: os._Environ[str] | dict[str, str] = os.environ
              ) -> bool:
    """Whether Qt will start its xcb platform (Linux, no other platform asked for)."""
    return platform.startswith("linux") and environ.get("QT_QPA_PLATFORM", "xcb") in ("", "xcb")


def missing_packages(loads: Callable[[str], bool] | None = None) -> list[str]:
    """The packages whose libraries the loader cannot find, in table order."""
    loads = loads or _loads
    return sorted({package for soname, package in XCB_LIBRARIES.items() if not loads(soname)},
                  key=list(XCB_LIBRARIES.values()).index)


def missing_message(packages: list[str]) -> str:
    """One line naming what to install."""
    return ("错误：缺少 Qt 图形界面所需的系统库，请先安装（需要管理员）：sudo apt install "
            + " ".join(packages) + "\n")
