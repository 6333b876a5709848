"""A national-scale campaign for the benchmarks: 31 provinces, ~500 units, N activities."""
from __future__ import annotations

import random
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from models.db.storage import Store
from models.entities import (
    Activity,
    Campaign,
    Level,
    Submission,
    SubmissionStatus,
    Unit,
    UnitKind,
)

SEED = 520
YEAR = 2021
WINDOW = (date(2021, 5, 11), date(2021, 5, 23))
CITIES_PER_PROVINCE = 13

# (province, short name, capital) — the 31 provincial-level divisions of the mainland.
PROVINCES: tuple[tuple[str, str, str], ...] = (
    ("北京市", "北京", "东城区"), ("天津市", "天津", "和平区"), ("河北省", "河北", "石家庄市"),
    ("山西省", "山西", "太原市"), ("内蒙古自治区", "内蒙古", "呼和浩特市"),
    ("辽宁省", "辽宁", "沈阳市"), ("吉林省", "吉林", "长春市"), ("黑龙江省", "黑龙江", "哈尔滨市"),
    ("上海市", "上海", "浦东新区"), ("江苏省", "江苏", "南京市"), ("浙江省", "浙江", "杭州市"),
    ("安徽省", "安徽", "合肥市"), ("福建省", "福建", "福州市"), ("江西省", "江西", "南昌市"),
    ("山东省", "山东", "济南市"), ("河南省", "河南", "郑州市"), ("湖北省", "湖北", "武汉市"),
    ("湖南省", "湖南", "长沙市"), ("广东省", "广东", "广州市"),
    ("广西壮族自治区", "广西", "南宁市"), ("海南省", "海南", "海口市"), ("重庆市", "重庆", "渝中区"),
    ("四川省", "四川", "成都市"), ("贵州省", "贵州", "贵阳市"), ("云南省", "云南", "昆明市"),
    ("西藏自治区", "西藏", "拉萨市"), ("陕西省", "陕西", "西安市"), ("甘肃省", "甘肃", "兰州市"),
    ("青海省", "青海", "西宁市"), ("宁夏回族自治区", "宁夏", "银川市"),
    ("新疆维吾尔自治区", "新疆", "乌鲁木齐市"),
)
_PLACE_CHARS = ("安宁平昌兴华阳泉山河江湖海州城林丰源德清新东西南北中长云川龙凤金石"
                "宝鹤白青松桂梅兰武文永康泰和庆福隆嘉阜通济临沂岳衡蒙溪")
NATIONAL_UNITS: tuple[tuple[str, str, UnitKind], ...] = (
    ("国家市场监督管理总局计量司", "总局计量司", UnitKind.MUNICIPAL_DEPT),
    ("中国计量科学研究院", "中国计量院", UnitKind.TECHNICAL),
    ("中国计量协会", "中国计量协会", UnitKind.ASSOCIATION),
    ("中国计量测试学会", "计量测试学会", UnitKind.ASSOCIATION),
)

NAME_HEADS = ("“计量守护健康”", "诚信计量", "计量惠民", "“5·20”世界计量日", "计量科普",
              "产业计量", "民生计量", "“测量守护健康”", "计量便民", "能源计量", "医学计量",
              "“计量进万家”", "校园计量", "绿色计量")
NAME_TAILS = ("主题宣传活动", "进社区", "便民服务活动", "专项检查", "知识竞答", "示范创建",
              "实验室开放日", "专题讲座", "宣传周", "免费检定服务", "线上直播", "开放日",
              "宣贯培训", "志愿服务", "科普展览")
CONTENT_PHRASES = (
    "开展血压计、血糖仪免费检定和校准服务", "组织基层所深入集贸市场开展电子秤计量检查",
    "联合区消保委开展零售商品计量消费体察", "举办“测量守护健康”专题报告会",
    "在市局微信公众号推送医学计量科普系列推文", "向市民发放计量科普宣传资料",
    "开展眼镜制配领域计量专项执法检查", "推动诚信计量示范社（街）区创建",
    "组织加油机计量专项监督检查", "开放国家计量基准实验室供公众参观",
    "指导企业完善计量管理体系，提升测量能力", "开展商品过度包装监督抽查",
    "帮扶小商户使用强检平台完成备案", "结合“我为群众办实事”开展计量惠民生服务",
    "在户外广告屏投放计量公益视频", "举办计量知识线上挑战答题",
    "对医疗机构在用计量器具开展专项监督检查", "开展能效、水效标识“双随机、一公开”检查",
    "邀请院士专家做主旨报告", "发布产业计量长三角合作倡议",
    "组织计量技术机构开展“计量服务进企业”活动", "为园区企业提供免费额温计计量检测",
    "开展定量包装商品净含量计量监督抽查", "宣传计量法律法规和计量惠民政策",
)
FORMS = ("微信公众号", "市局微信", "抖音", "微博", "门户网站", "电子屏", "海报", "现场咨询",
         "宣传单", "市级媒体报道", "区级媒体", "电台广播", "网络直播", "知识竞答", "讲座",
         "计量资讯速递", "视频号")
PUBLICITY = ("计量为抗击疫情提供基础技术支撑", "强化计量监管，保障百姓切身利益",
             "向全社会传播计量文化、科普计量知识、讲好计量故事", "推动诚信计量体系建设",
             "计量惠民生，服务百姓生活", "产业计量赋能高质量发展")
ROLES = ("指导单位", "主办单位", "承办单位", "协办单位", "配合单位")
_CN = "〇一二三四五六七八九"


def _cn(n: int) -> str:
    """A small number in Chinese numerals."""
    if n < 10:
        return _CN[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")


def time_text(rnd: random.Random) -> str:
    """One 活动时间 as coordinators write it (most around 5·20, some unreadable)."""
    d = rnd.choice((11, 12, 15, 17, 18, 19, 20, 20, 20, 20, 21, 22, 23, rnd.randint(1, 31)))
    d2 = min(d + rnd.randint(1, 6), 31)
    m = rnd.choice((5, 5, 5, 5, 5, 5, 4, 6))
    xun = rnd.choice(("上旬", "中旬", "下旬", "中下旬", "初", "底"))
    choices = (
        f"5月{d}日", f"5月{d}日", f"5月{d}日", "5月20日", "5月20日", f"5月{d}日前",
        "5月20日前", f"5月{d}日起", f"5月{d}日至{d2}日", f"5月{d}日至5月{d2}日",
        f"5月{d}日、{d2}日", f"5月{d}日、\n5月{d2}日", f"{m}月{xun}", "5月下旬", f"{m}月",
        "4—5月", "5月11日至23日", "5·20期间", "5.20期间", "世界计量日当天", "5月20日左右",
        "5月20日前后", f"5月{d}日期间", "5·20当周", f"5月第{rnd.randint(1, 4)}周",
        f"5月{d}日上午9:00-11:30", f"5月{d}日（周四）下午", f"五月{_cn(d)}日",
        "即日起至5月底", "活动期间", "常态化开展", "全年", "待定",
    )
    return rnd.choice(choices)


def _sentence(rnd: random.Random, low: int, high: int) -> str:
    """Phrases joined into a 活动内容 of about low–high characters."""
    target = rnd.randint(low, high - 1)
    phrases = rnd.sample(CONTENT_PHRASES, len(CONTENT_PHRASES))
    text = phrases.pop()
    while len(text) < target and phrases:
        longer = text + rnd.choice("，；，") + phrases.pop()
        if len(longer) >= high and len(text) >= low:
            break
        text = longer
    return text[:high - 1] + "。"


def _forms(rnd: random.Random) -> str:
    """A 宣传形式 list, sometimes wrapped onto a second line."""
    picked = rnd.sample(FORMS, rnd.randint(1, 4))
    text = "、".join(picked)
    if len(picked) > 2 and rnd.random() < 0.2:
        text = "、".join(picked[:2]) + "、\n" + "、".join(picked[2:])
    return text


def make_units() -> list[Unit]:
    """About 500 units: per province a bureau, its institute, its enforcement corps and cities."""
    rnd = random.Random(SEED)
    used: set[str] = set()
    units: list[Unit] = []
    order = 1
    for name, short, kind in NATIONAL_UNITS:
        units.append(Unit(name, short, kind, order))
        order += 1
    for province, short, capital in PROVINCES:
        units.append(Unit(f"{province}市场监督管理局", f"{short}省局", UnitKind.MUNICIPAL_DEPT, order))
        units.append(Unit(f"{province}计量测试研究院", f"{short}计量院", UnitKind.TECHNICAL,
                          order + 1))
        units.append(Unit(f"{province}市场监管执法总队", f"{short}执法总队", UnitKind.ENFORCEMENT,
                          order + 2))
        order += 3
        cities = [capital]
        while len(cities) < CITIES_PER_PROVINCE:
            city = "".join(rnd.sample(_PLACE_CHARS, 2)) + rnd.choice("市市市区县")
            if city not in used:
                used.add(city)
                cities.append(city)
        for city in cities:
            units.append(Unit(f"{short}{city}市场监管局", f"{short}{city[:-1]}",
                              UnitKind.DISTRICT, order))
            order += 1
    return units


def make_activities(n: int, units: list[Unit], campaign_id: int) -> Iterator[Activity]:
    """n activities in groups of 1–3 rows, each group one unit's, deterministic."""
    rnd = random.Random(SEED + n)
    provincial = [u for u in units if u.kind != UnitKind.DISTRICT]
    local = [u for u in units if u.kind == UnitKind.DISTRICT]
    group_no = {Level.MUNICIPAL: 0, Level.DISTRICT: 0}
    made = 0
    while made < n:
        level = Level.MUNICIPAL if rnd.random() < 0.12 else Level.DISTRICT
        unit = rnd.choice(provincial if level == Level.MUNICIPAL else local)
        group_no[level] += 1
        name = rnd.choice(NAME_HEADS) + rnd.choice(NAME_TAILS)
        for position in range(1, min(rnd.choice((1, 1, 1, 2, 2, 3)), n - made) + 1):
            if position > 1 and rnd.random() < 0.5:
                name = rnd.choice(NAME_HEADS) + rnd.choice(NAME_TAILS)
            responsible = unit.name
            if rnd.random() < 0.15:
                roles = ("主办单位", rnd.choice(ROLES[2:]))
                helper = rnd.choice(units).name
                responsible = f"{roles[0]}：{unit.name}\n{roles[1]}：{helper}"
                if rnd.random() < 0.3:
                    responsible = f"{ROLES[0]}：{NATIONAL_UNITS[0][0]}\n{responsible}"
            yield Activity(
                level, group_no[level], position, name, _sentence(rnd, 30, 120),
                time_text(rnd), _forms(rnd),
                rnd.choice(PUBLICITY) if level == Level.MUNICIPAL else "",
                responsible, unit.id, campaign_id=campaign_id)
            made += 1


def make_campaign_db(path: Path | str | None, n: int) -> Store:
    """A new database (None: in memory) holding a national campaign of n activities."""
    store = Store.connect(path)
    store.migrate()
    units = make_units()
    with store.transaction():
        campaign = store.add_campaign(Campaign(
            YEAR, "测量守护健康", WINDOW[0], WINDOW[1], issuer="国家市场监督管理总局",
            title=f"关于开展{YEAR}年“5·20世界计量日”系列宣传活动的通知",
            summary_due=date(YEAR, 5, 24)))
        store.db.conn.executemany(
            "INSERT INTO units (name, short_name, kind, sort_order) VALUES (?, ?, ?, ?)",
            [(u.name, u.short_name, str(u.kind), u.sort_order) for u in units])
        units = store.units()
        store.insert_activities(make_activities(n, units, campaign.id))
        store.save_submissions(
            Submission(u.id, "活动总结", campaign.summary_due, SubmissionStatus.PENDING,
                       campaign_id=campaign.id)
            for u in units if u.kind == UnitKind.MUNICIPAL_DEPT)
    return store


def main() -> None:
    """Print how long generating 20,000 and 100,000 activities takes (in memory)."""
    for n in (20_000, 100_000):
        t0 = time.perf_counter()
        store = make_campaign_db(None, n)
        seconds = time.perf_counter() - t0
        count = store.db.execute("SELECT COUNT(*) FROM activities").fetchone()[0]
        units = store.db.execute("SELECT COUNT(*) FROM units").fetchone()[0]
        store.close()
        print(f"generate {n:>7,} activities ({units} units): {seconds:.2f} s, {count:,} stored")


if __name__ == "__main__":
    main()
