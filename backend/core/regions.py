"""Regions by their GB/T 2260 codes: Guangxi's 14 cities and the other provinces."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    code: str
    name_zh: str
    name_en: str
    province_code: str


GUANGXI = "450000"

_GUANGXI_CITIES = [
    ("450100", "南宁", "Nanning"),
    ("450200", "柳州", "Liuzhou"),
    ("450300", "桂林", "Guilin"),
    ("450400", "梧州", "Wuzhou"),
    ("450500", "北海", "Beihai"),
    ("450600", "防城港", "Fangchenggang"),
    ("450700", "钦州", "Qinzhou"),
    ("450800", "贵港", "Guigang"),
    ("450900", "玉林", "Yulin"),
    ("451000", "百色", "Baise"),
    ("451100", "贺州", "Hezhou"),
    ("451200", "河池", "Hechi"),
    ("451300", "来宾", "Laibin"),
    ("451400", "崇左", "Chongzuo"),
]

_PROVINCES = [
    ("110000", "北京", "Beijing"),
    ("120000", "天津", "Tianjin"),
    ("130000", "河北", "Hebei"),
    ("140000", "山西", "Shanxi"),
    ("150000", "内蒙古", "Inner Mongolia"),
    ("210000", "辽宁", "Liaoning"),
    ("220000", "吉林", "Jilin"),
    ("230000", "黑龙江", "Heilongjiang"),
    ("310000", "上海", "Shanghai"),
    ("320000", "江苏", "Jiangsu"),
    ("330000", "浙江", "Zhejiang"),
    ("340000", "安徽", "Anhui"),
    ("350000", "福建", "Fujian"),
    ("360000", "江西", "Jiangxi"),
    ("370000", "山东", "Shandong"),
    ("410000", "河南", "Henan"),
    ("420000", "湖北", "Hubei"),
    ("430000", "湖南", "Hunan"),
    ("440000", "广东", "Guangdong"),
    ("450000", "广西(其他)", "Guangxi (other)"),
    ("460000", "海南", "Hainan"),
    ("500000", "重庆", "Chongqing"),
    ("510000", "四川", "Sichuan"),
    ("520000", "贵州", "Guizhou"),
    ("530000", "云南", "Yunnan"),
    ("540000", "西藏", "Tibet"),
    ("610000", "陕西", "Shaanxi"),
    ("620000", "甘肃", "Gansu"),
    ("630000", "青海", "Qinghai"),
    ("640000", "宁夏", "Ningxia"),
    ("650000", "新疆", "Xinjiang"),
    ("710000", "台湾", "Taiwan"),
    ("810000", "香港", "Hong Kong"),
    ("820000", "澳门", "Macao"),
]

REGIONS: dict[str, Region] = {code: Region(code, zh, en, GUANGXI) for code, zh, en in _GUANGXI_CITIES} | {
    code: Region(code, zh, en, code) for code, zh, en in _PROVINCES
}

GUANGXI_CITY_CODES = frozenset(code for code, _, _ in _GUANGXI_CITIES)


def is_region(code: str) -> bool:
    return code in REGIONS


def regions_containing(code: str) -> list[str]:
    """The region itself and the province it lies in: the filters whose ``region_codes_within`` hold it."""
    return [code, GUANGXI] if code in GUANGXI_CITY_CODES else [code]


def region_codes_within(code: str) -> list[str]:
    """A province code selects its cities too, so a filter on Guangxi finds Nanning."""
    if code == GUANGXI:
        return [GUANGXI, *sorted(GUANGXI_CITY_CODES)]
    return [code]
