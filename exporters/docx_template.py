"""The program's own Word template (resources/word_template/): the few parts every export
needs, zipped once per run and opened as a new python-docx Document."""
from __future__ import annotations

import io
import zipfile
from functools import lru_cache

from docx import Document as open_document
from docx.document import Document

from resources import RESOURCE_DIR

TEMPLATE_DIR = RESOURCE_DIR / "word_template"


@lru_cache(maxsize=1)
def template_bytes() -> bytes:
    """The template folder as a .docx package, [Content_Types].xml first."""
    files = sorted((p for p in TEMPLATE_DIR.rglob("*") if p.is_file()),
                   key=lambda p: (p.name != "[Content_Types].xml", str(p)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for path in files:
            package.writestr(path.relative_to(TEMPLATE_DIR).as_posix(), path.read_bytes())
    return buffer.getvalue()


def new_document() -> Document:
    """A new, empty document made from the program's template."""
    return open_document(io.BytesIO(template_bytes()))
