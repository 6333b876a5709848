"""The application icon: drawn in resources/metrology-day.svg, PNGs and ICO generated from it."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from bundle.icons import render
from resources import ICON_ICO, ICON_SIZES, ICON_SVG, icon_png

PIL = pytest.importorskip("PIL.Image", reason="Pillow comes with the dist extra")


def channels(image: QImage, x: int, y: int) -> tuple[int, int, int, int]:
    color = QColor(image.pixelColor(x, y))
    return color.red(), color.green(), color.blue(), color.alpha()


def largest_difference(a: QImage, b: QImage) -> int:
    """The largest channel difference between two same-size images."""
    assert (a.width(), a.height()) == (b.width(), b.height())
    return max(max(abs(p - q) for p, q in zip(channels(a, x, y), channels(b, x, y), strict=True))
               for y in range(a.height()) for x in range(a.width()))


@pytest.mark.parametrize("size", ICON_SIZES)
def test_committed_pngs_are_the_svg_drawn_at_their_size(qapp, size):
    committed = QImage(str(icon_png(size))).convertToFormat(QImage.Format.Format_ARGB32)
    assert (committed.width(), committed.height()) == (size, size)
    assert largest_difference(committed, render(ICON_SVG, size)) <= 8


def test_the_icon_shows_a_calendar_page_with_a_ruler_on_a_blue_tile(qapp):
    image = QImage(str(icon_png(256))).convertToFormat(QImage.Format.Format_ARGB32)
    assert channels(image, 1, 1)[3] == 0                      # rounded corner: transparent
    r, g, b, _ = channels(image, 20, 128)                     # tile
    assert b > 100 and b > r + 60
    r, g, b, _ = channels(image, 128, 80)                     # the page's red header
    assert r > 180 and g < 80 and b < 80
    assert channels(image, 128, 105)[:3] == (255, 255, 255)   # the white page
    r, g, b, _ = channels(image, 130, 205)                    # the yellow ruler
    assert r > 200 and g > 150 and b < 100


def test_the_ico_holds_every_size_as_drawn():
    from PIL import ImageChops
    with PIL.open(ICON_ICO) as ico:
        assert sorted(ico.info["sizes"]) == [(s, s) for s in ICON_SIZES]
        for size in ICON_SIZES:
            ico.size = (size, size)
            ico.load()
            with PIL.open(icon_png(size)) as png:
                assert ImageChops.difference(ico.convert("RGBA"), png.convert("RGBA")).getbbox() \
                    is None


def test_the_window_icon_offers_every_drawn_size(qapp):
    from ui.app import application_icon
    icon = application_icon()
    assert sorted(size.width() for size in icon.availableSizes()) == list(ICON_SIZES)
    premultiplied = QImage.Format.Format_ARGB32_Premultiplied  # as a pixmap holds it
    small = icon.pixmap(16, 16).toImage().convertToFormat(premultiplied)
    drawn = QImage(str(icon_png(16))).convertToFormat(premultiplied)
    assert largest_difference(small, drawn) == 0


def test_the_drawing_is_smooth_and_needs_no_render_hints(qapp):
    """The rounded tile's edge is antialiased (partly transparent pixels), and a painter
    told not to antialias draws the same pixels: QSvgRenderer smooths by itself, which is
    why bundle.icons.render sets no hints."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer
    image = render(ICON_SVG, 64)
    edge = {channels(image, x, y)[3] for y in range(8) for x in range(8)}
    assert len([a for a in edge if 0 < a < 255]) >= 3
    rough = QImage(64, 64, QImage.Format.Format_ARGB32)
    rough.fill(Qt.GlobalColor.transparent)
    painter = QPainter(rough)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    QSvgRenderer(str(ICON_SVG)).render(painter)
    painter.end()
    assert largest_difference(rough, image) == 0
