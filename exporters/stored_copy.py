"""A kept file written back out under a name of the user's choosing, checked against the
archive's fingerprint before it is renamed into place."""
from __future__ import annotations

import shutil
from pathlib import Path

from exporters.atomic import ExportError, atomic_output
from models.i18n import _tr
from models.received.summary_files import file_digest


def export_stored(content: Path, sha256: str, target: Path | str) -> None:
    """Copy kept content to target, whole and unchanged, or not at all."""
    target = Path(target)
    with atomic_output(target) as tmp:
        shutil.copyfile(content, tmp)
        if file_digest(tmp)[0] != sha256:
            raise ExportError(_tr("写出的“{0}”与存档中的内容不符，未保存。").format(target.name))
