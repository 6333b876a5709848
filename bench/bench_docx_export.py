"""Time export_appendix for 1,000 and 5,000 generated rows against a bare lxml table writer."""
from __future__ import annotations

import random
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lxml import etree  # noqa: E402

from exporters.docx_appendix import export_appendix  # noqa: E402
from models.entities import Activity, Campaign, CampaignData, Level  # noqa: E402
from models.layout import table_cells  # noqa: E402

SIZES = (1000, 5000, 20000)
TARGET_SECONDS = 1.0
TARGET_RATIO = 6.0
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PHRASES = ("开展计量便民服务", "组织血压计免费检定", "深入校园举办眼镜配镜常识讲座",
           "诚信计量示范社区创建", "集贸市场电子秤专项检查", "医学计量实验室开放",
           "计量科普知识竞答", "加油站计量专项执法检查")
UNITS = ("浦东新区市场监管局", "黄浦区市场监管局", "市计测院", "市局计量处")


def generate(rows: int, seed: int = 520) -> CampaignData:
    """A campaign with rows activities in groups of 1–3, half municipal, half district."""
    rng = random.Random(seed)
    activities: list[Activity] = []
    group = {Level.MUNICIPAL: 0, Level.DISTRICT: 0}
    while len(activities) < rows:
        level = rng.choice(tuple(Level))
        group[level] += 1
        unit = rng.choice(UNITS)
        for position in range(1, min(rng.randint(1, 3), rows - len(activities)) + 1):
            content = "，".join(rng.sample(PHRASES, 3)) + "。"
            activities.append(Activity(
                level, group[level], position, rng.choice(PHRASES), content,
                f"5月{rng.randint(11, 23)}日", "微信、抖音\n市级媒体报道",
                "" if level == Level.DISTRICT else rng.choice(PHRASES),
                f"指导单位：市局\n主办单位：{unit}"))
    campaign = Campaign(2021, "测量守护健康", date(2021, 5, 11), date(2021, 5, 23),
                        attachment_title="2021年上海市“5·20世界计量日”系列宣传活动安排汇总表")
    return CampaignData(campaign, activities=activities)


def baseline(data: CampaignData, path: Path) -> None:
    """The same tables with lxml alone: no fonts, no styles, stored in a minimal zip."""
    body = etree.Element(f"{{{W}}}body", nsmap={"w": W})
    for level in Level:
        tbl = etree.SubElement(body, f"{{{W}}}tbl")
        for row in table_cells(data.by_level(level), level):
            tr = etree.SubElement(tbl, f"{{{W}}}tr")
            for text, span in row:
                tc = etree.SubElement(tr, f"{{{W}}}tc")
                if span != 1:
                    props = etree.SubElement(tc, f"{{{W}}}tcPr")
                    merge = etree.SubElement(props, f"{{{W}}}vMerge")
                    if span > 1:
                        merge.set(f"{{{W}}}val", "restart")
                for line in (text.split("\n") if span else [""]):
                    run = etree.SubElement(etree.SubElement(tc, f"{{{W}}}p"), f"{{{W}}}r")
                    etree.SubElement(run, f"{{{W}}}t").text = line
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", etree.tostring(body))


def timed(function, data: CampaignData, path: Path, repeat: int = 3) -> float:
    """Best wall time of a few runs."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function(data, path)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    """Run the benchmark, print a table, exit 1 when a target is missed."""
    results: dict[int, tuple[float, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in SIZES:
            data = generate(size)
            ours = timed(export_appendix, data, Path(folder) / f"a{size}.docx")
            bare = timed(baseline, data, Path(folder) / f"b{size}.docx")
            results[size] = (ours, bare)
            print(f"{size:>5} rows: export_appendix {ours:6.3f} s   lxml baseline {bare:6.3f} s"
                  f"   ×{ours / bare:4.1f} of baseline")
    small, large = results[1000][0], results[5000][0]
    ratio = large / small
    per_row = [results[n][0] / n * 1e6 for n in SIZES]
    print(f"ratio 5000/1000: {ratio:.2f} (target ≤ {TARGET_RATIO}); "
          f"5000 rows in {large:.3f} s (target < {TARGET_SECONDS} s); "
          f"µs per row at {', '.join(map(str, SIZES))}: "
          f"{', '.join(f'{u:.0f}' for u in per_row)} (linear: 20000 within 1.5× of 5000's)")
    linear = per_row[-1] <= 1.5 * per_row[1]
    ok = large < TARGET_SECONDS and ratio <= TARGET_RATIO and linear
    print("OK" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
