"""The Word exports' XML, pinned byte for byte: work on speed (column widths, row heights,
keep-with-next, the XML writer) must not change what the coordinator gets.

tests/data/word_digests.json holds the SHA-256 of each export's word/document.xml (the part
with the text, the tables and every keepNext/cantSplit; the timestamps live in docProps and
are not compared). When a change to the documents is meant, print the new digests with
`python -m tests.test_word_output_pinned`, look at the exports, and commit both.
"""
from __future__ import annotations

import hashlib
import json
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from models.entities import Activity, CampaignData, Level

DIGESTS = Path(__file__).resolve().parent / "data" / "word_digests.json"

WORDS = ("计量", "检定", "校准", "惠民", "诚信", "电子秤", "血压计", "眼镜", "加油机", "出租车",
         "计价器", "社区", "校园", "市场", "宣传", "服务", "检查", "专项", "科普", "讲座")
GLUED = ("“测量守护健康”", "（市计测院）", "《计量法》", "……", "——", "。", "，", "、", "；")
LATIN = ("GB/T 9704", "2021", "5.20", "JJG 1014-2006", "www.samr.gov.cn", "PM2.5",
         "metrology-day@example.org", "https://www.shanghai.gov.cn/nw12344/20210520/a.html")
TIMES = ("5月20日", "5月17日至5月23日", "5月11日—23日", "5月20日前后", "5月下旬", "4—5月",
         "5月11日、5月18日、5月20日", "常态化开展", "2021年5月20日上午9:00", "5·20期间")


def _text(rng: random.Random, pieces: int) -> str:
    """Chinese prose with glued punctuation, Latin words, digits and some line breaks."""
    out = []
    for _ in range(pieces):
        roll = rng.random()
        out.append(rng.choice(GLUED) if roll < 0.25 else rng.choice(LATIN) if roll < 0.35
                   else "\n" if roll < 0.37 else rng.choice(WORDS))
    return "".join(out).strip("\n")


def crowded(data: CampaignData) -> CampaignData:
    """The seed plus 400 rows in groups of 1–6: tall groups near a page, rows taller than a
    page, long Latin words and mixed scripts, so every keep and split decision is made."""
    rng = random.Random(1012)
    rows = list(data.activities)
    for level in Level:
        group = max((a.group_no for a in rows if a.level == level), default=0)
        while sum(a.level == level for a in rows) < 200 + len(data.by_level(level)):
            group += 1
            size = rng.choice((1, 1, 2, 2, 3, 4, 6))
            shared = _text(rng, rng.randint(2, 12))
            for position in range(1, size + 1):
                long = rng.random() < 0.03
                rows.append(Activity(
                    level, group, position, _text(rng, rng.randint(2, 8)),
                    _text(rng, rng.randint(600, 900) if long else rng.randint(10, 150)),
                    rng.choice(TIMES), _text(rng, rng.randint(1, 6)),
                    "" if level == Level.DISTRICT else _text(rng, rng.randint(1, 20)),
                    shared if rng.random() < 0.5 else _text(rng, rng.randint(2, 12))))
    return CampaignData(data.campaign, data.units, rows, data.submissions)


def _export(kind: str) -> Callable[[CampaignData, Path], None]:
    """The function that writes one Word export."""
    if kind == "appendix":
        from exporters.docx_appendix import export_appendix
        return export_appendix
    if kind == "notice":
        from exporters.docx_notice import export_notice
        return export_notice
    from exporters.docx_schedule import export_schedule
    return export_schedule


CASES = (("seed", "appendix"), ("seed", "notice"), ("seed", "schedule"),
         ("crowded", "appendix"), ("crowded", "schedule"))


def document_xml(path: Path) -> bytes:
    """The word/document.xml part of a .docx."""
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml")


def export_digest(data: CampaignData, which: str, kind: str, folder: Path) -> str:
    """SHA-256 of word/document.xml of one export."""
    path = folder / f"{which}-{kind}.docx"
    _export(kind)(crowded(data) if which == "crowded" else data, path)
    return hashlib.sha256(document_xml(path)).hexdigest()


@pytest.mark.parametrize(("which", "kind"), CASES)
def test_word_export_is_byte_for_byte_the_pinned_one(campaign_data, tmp_path, which, kind):
    expected = json.loads(DIGESTS.read_text(encoding="utf-8"))[f"{which} {kind}"]
    assert export_digest(campaign_data, which, kind, tmp_path) == expected


def test_the_crowded_campaign_makes_every_row_decision(campaign_data, tmp_path):
    # the pinned crowded export covers kept groups, groups too tall to keep, and rows
    # taller than a page that may split, in both tables
    path = tmp_path / "crowded.docx"
    _export("appendix")(crowded(campaign_data), path)
    xml = document_xml(path).decode("utf-8")
    for table in xml.split("<w:tbl>")[1:]:
        rows = table.split("<w:tr>")[2:]           # body rows, after the header
        splittable = [row for row in rows if not row.startswith("<w:trPr><w:cantSplit/>")]
        group_starts = [row for row in rows if '<w:vMerge w:val="restart"/>' in row]
        kept = [row for row in group_starts if "<w:keepNext/>" in row]
        assert splittable
        assert kept and len(kept) < len(group_starts)


def main() -> None:
    """Print the digests of the exports as they are now (to update the pinned file)."""
    import tempfile

    from models.db.opening import open_database
    store = open_database(None)
    data = store.load()
    with tempfile.TemporaryDirectory() as folder:
        digests = {f"{which} {kind}": export_digest(data, which, kind, Path(folder))
                   for which, kind in CASES}
    store.close()
    print(json.dumps(digests, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
