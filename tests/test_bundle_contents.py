"""What the spec puts in the bundle, decided without building it."""
from __future__ import annotations

import pytest

from bundle.contents import (
    ROOT,
    keep_data,
    keep_qt_plugin,
    package_folders,
    program_data,
    program_modules,
    program_packages,
    replace_qt_runtime_hook,
    select_binaries,
    select_datas,
)


def test_every_package_of_the_program_is_listed_once_in_setup_cfg():
    # The spec collects what setup.cfg lists; a new package folder (importers/ …) must be there.
    assert program_packages() == package_folders()
    assert {"models", "ui", "exporters", "resources"} <= set(program_packages())
    modules_beside_main = sorted(p.stem for p in ROOT.glob("*.py"))
    assert sorted(program_modules()) == modules_beside_main


def test_the_embedded_campaign_translations_and_icons_are_shipped():
    shipped = {(name.replace("\\", "/").rsplit("/", 1)[-1], folder.replace("\\", "/"))
               for name, folder in program_data()}
    assert ("campaign_2021.json", "resources") in shipped
    assert ("metrology_en.qm", "resources") in shipped
    assert ("metrology-day.ico", "resources/icons") in shipped
    assert ("metrology-day-256.png", "resources/icons") in shipped


def test_only_the_qt_plugins_the_program_uses():
    kept = [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "resources/metrology_en.qm",
    ]
    dropped = [
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/plugins/imageformats/qsvg.dll",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so",
        "PySide6/Qt/plugins/wayland-decoration-client/libadwaita.so",
    ]
    assert [p for p in kept if not keep_qt_plugin(p)] == []
    assert [p for p in dropped if keep_qt_plugin(p)] == []


def test_qt_translations_only_in_the_interface_languages():
    assert keep_data("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert keep_data("PySide6\\translations\\qtbase_en.qm")
    assert not keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep_data("PySide6/Qt/translations/qt_help_zh_CN.qm")
    assert keep_data("babel/locale-data/zh_Hans_CN.dat") and keep_data("babel/global.dat")
    assert keep_data("babel/locale-data/en_US_POSIX.dat")
    assert keep_data("babel/locale-data/root.dat")
    assert not keep_data("babel/locale-data/de_DE.dat")
    assert not keep_data("babel\\locale-data\\ja.dat")
    assert keep_data("resources/metrology_en.qm")


def test_libraries_only_a_left_out_plugin_needs_are_left_out_too():
    binaries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Svg.so.6", "/src/libQt6Svg.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libxcb-cursor.so.0", "/src/libxcb-cursor.so.0", "BINARY"),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", "/src/libqsvg.so", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
    ]
    links = {
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6", "libQt6Core.so.6"],
        "/src/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "/src/libqxcb.so": ["libQt6Gui.so.6", "libxcb-cursor.so.0"],
        "/src/libqsvg.so": ["libQt6Svg.so.6", "libQt6Gui.so.6"],
    }
    kept = select_binaries(binaries, lambda path: links.get(path, []))
    assert sorted(dest for dest, _, _ in kept) == [
        "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/QtGui.abi3.so",
        "libpython3.11.so.1.0", "libxcb-cursor.so.0"]
    datas = [("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
             ("libQt6Svg.so.6", "PySide6/Qt/lib/libQt6Svg.so.6", "SYMLINK"),
             ("PySide6/Qt/translations/qtbase_ja.qm", "/src/qtbase_ja.qm", "DATA"),
             ("resources/campaign_2021.json", "/src/campaign_2021.json", "DATA")]
    assert [d for d, _, _ in select_datas(datas, kept)] == [
        "resources/campaign_2021.json", "libQt6Gui.so.6"]


def test_the_pyside6_run_time_hook_is_replaced_in_place():
    scripts = [("pyiboot01_bootstrap", "/pi/boot.py", "PYSOURCE"),
               ("pyi_rth_inspect", "/pi/inspect.py", "PYSOURCE"),
               ("pyi_rth_pyside6", "/pi/pyside6.py", "PYSOURCE"),
               ("main", "/src/main.py", "PYSOURCE")]
    names = [name for name, _, _ in replace_qt_runtime_hook(scripts)]
    assert names == ["pyiboot01_bootstrap", "pyi_rth_inspect", "rthook_qt_paths", "main"]
    with pytest.raises(ValueError):
        replace_qt_runtime_hook([s for s in scripts if s[0] != "pyi_rth_pyside6"])
