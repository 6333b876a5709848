"""Resolve a merge conflict in resources/metrology_en.ts: keep every translation either side made.

Usage, during a merge whose code conflicts are resolved: python tools/merge_ts.py
It reads the three versions of the .ts from git's index, writes ours, lets lupdate add the
strings of the merged code, fills them from the union of both sides' translations, then
compiles the .qm files (as `make translations` does). Prints the sources left unfinished.
"""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET  # our own file, written by lupdate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = "resources/metrology_en.ts"


def _stage(number: int) -> str:
    """The .ts as one side of the merge has it ('' when that side has none)."""
    done = subprocess.run(["git", "show", f":{number}:{TS}"], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")
    return done.stdout if done.returncode == 0 else ""


def translations(text: str) -> dict[tuple[str, str], str]:
    """(context, source) -> finished translation in one version of the .ts."""
    found: dict[tuple[str, str], str] = {}
    if not text:
        return found
    root = ET.fromstring(text.split("<!DOCTYPE TS>", 1)[-1])
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and translation.text:
                found[(name, message.findtext("source") or "")] = translation.text
    return found


def main() -> int:
    """Merge the .ts of both sides into the working tree and compile it."""
    base, ours, theirs = (_stage(n) for n in (1, 2, 3))
    known = translations(base) | translations(theirs) | translations(ours)
    (ROOT / TS).write_text(ours or theirs, encoding="utf-8")
    bin_dir = Path(sys.executable).parent
    sources = ["main.py", "cli.py"] + sorted(
        str(p.relative_to(ROOT)) for room in ("ui", "models", "importers", "exporters")
        for p in (ROOT / room).rglob("*.py"))
    subprocess.run([str(bin_dir / "pyside6-lupdate"), "-no-obsolete", "-tr-function-alias",
                    "tr+=_tr", *sources, "-ts", TS], cwd=ROOT, check=True,
                   capture_output=True)
    tree = ET.parse(ROOT / TS)
    left: list[str] = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            source = message.findtext("source") or ""
            text = known.get((name, source)) or next(
                (t for (_, s), t in known.items() if s == source), None)
            if text is None:
                left.append(source)
                continue
            translation.text = text
            del translation.attrib["type"]
    tree.write(ROOT / TS, encoding="utf-8", xml_declaration=True)
    text = (ROOT / TS).read_text(encoding="utf-8")
    text = text.replace("<?xml version='1.0' encoding='utf-8'?>",
                        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    text = text.replace(" />", "/>").replace("<name/>", "<name></name>")  # as lupdate writes
    (ROOT / TS).write_text(text + ("" if text.endswith("\n") else "\n"), encoding="utf-8")
    for ts, qm in ((TS, "resources/metrology_en.qm"),
                   ("resources/qt_supplement_zh_CN.ts", "resources/qt_supplement_zh_CN.qm")):
        subprocess.run([str(bin_dir / "pyside6-lrelease"), ts, "-qm", qm], cwd=ROOT,
                       check=True, capture_output=True)
    for source in left:
        print(source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
