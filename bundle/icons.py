"""Draw the icon's PNGs and the Windows .ico from resources/metrology-day.svg (`make icons`)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from resources import ICON_ICO, ICON_SIZES, ICON_SVG, icon_png  # noqa: E402


def render(svg: Path, size: int) -> object:
    """The SVG drawn into a transparent size × size QImage, antialiased (QSvgRenderer
    smooths its shapes whatever the painter's render hints say, so none are set here;
    tests/test_icon.py checks both)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def write_ico(pngs: list[Path], ico: Path) -> None:
    """One .ico holding every PNG at its own size (Pillow packs them; none is rescaled)."""
    from PIL import Image
    images = []
    for path in pngs:
        with Image.open(path) as image:
            images.append(image.convert("RGBA"))
    largest = max(images, key=lambda image: image.width)
    largest.save(ico, format="ICO", sizes=[image.size for image in images],
                 append_images=[image for image in images if image is not largest])


def main() -> int:
    """Write resources/icons/metrology-day-{size}.png and metrology-day.ico."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts, images
    written = []
    for size in ICON_SIZES:
        path = icon_png(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not render(ICON_SVG, size).save(str(path)):
            raise OSError(f"cannot write {path}")
        written.append(path)
    write_ico(written, ICON_ICO)
    for path in [*written, ICON_ICO]:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
