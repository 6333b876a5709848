"""Fill unfinished entries of a Qt Linguist .ts file from a JSON map of source → translation.

Usage: python tools/fill_ts.py resources/metrology_en.ts translations.json
Then `make translations` compiles the .qm. Prints the sources still unfinished.
"""
from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET  # our own file, written by lupdate
from pathlib import Path


def fill(ts_path: Path, mapping: dict[str, str]) -> list[str]:
    """Write the translations into the .ts file; return the sources left unfinished."""
    tree = ET.parse(ts_path)
    left: list[str] = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        if source in mapping:
            translation.text = mapping[source]
            del translation.attrib["type"]
        else:
            left.append(source)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    text = ts_path.read_text(encoding="utf-8")
    text = text.replace("<?xml version='1.0' encoding='utf-8'?>",
                        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    text = text.replace(" />", "/>").replace("<name/>", "<name></name>")  # as lupdate writes
    ts_path.write_text(text + ("" if text.endswith("\n") else "\n"), encoding="utf-8")
    return left


if __name__ == "__main__":
    remaining = fill(Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text(encoding="utf-8")))
    for source in remaining:
        print(source)
    sys.exit(1 if remaining else 0)
