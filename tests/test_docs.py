"""The README and ARCHITECTURE.md: what the program is comes first, then the two commands;
no sentence twice; every file the architecture note sends a developer to exists."""
from __future__ import annotations

import re

from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
ARCHITECTURE = (REPO / "ARCHITECTURE.md").read_text(encoding="utf-8")


def test_the_readme_says_what_the_program_is_then_the_two_commands():
    first_line, *rest = README.splitlines()
    assert first_line.startswith("# ")
    prose_before_code = "\n".join(rest).split("```")[0]
    assert "metrology" in prose_before_code
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block


def test_no_sentence_is_said_twice():
    text = re.sub(r"```.*?```", "", README, flags=re.S).replace("\n", " ")
    sentences = [s.strip() for s in re.split(r"(?<=[.。])\s+", text) if len(s.strip()) > 40]
    repeated = {s for s in sentences if sentences.count(s) > 1}
    assert repeated == set()


def test_every_file_the_architecture_note_names_exists():
    named = set(re.findall(r"\b((?:models|ui|exporters|importers|tests|resources|tools)"
                           r"/[\w/]+\.(?:py|ts))", ARCHITECTURE))
    assert len(named) > 20
    assert sorted(p for p in named if not (REPO / p).exists()) == []
    for section in ("## The edit path", "## The import path", "## Adding an export",
                    "## Adding a field"):
        assert section in ARCHITECTURE
