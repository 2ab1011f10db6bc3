"""Canonical forms of the words a case may spell in several ways (regions, contract types, fields, kinds).

A rule set names things canonically (``南宁``, ``广西``, ``licence``, ``biomedicine``); a case may
write ``南宁市``, ``广西壮族自治区``, ``Nanning``, ``license`` or ``生物医药``. Comparison uses the
canonical form.
"""

from __future__ import annotations

import re

# Longest suffix first, so that 广西壮族自治区 loses the whole suffix and not only 自治区.
_PROVINCE_SUFFIXES = (
    "壮族自治区",
    "回族自治区",
    "维吾尔自治区",
    "特别行政区",
    "自治区",
    "省",
    "市",
)

_PROVINCE_EN = {
    "beijing": "北京",
    "tianjin": "天津",
    "shanghai": "上海",
    "chongqing": "重庆",
    "hebei": "河北",
    "shanxi": "山西",
    "liaoning": "辽宁",
    "jilin": "吉林",
    "heilongjiang": "黑龙江",
    "jiangsu": "江苏",
    "zhejiang": "浙江",
    "anhui": "安徽",
    "fujian": "福建",
    "jiangxi": "江西",
    "shandong": "山东",
    "henan": "河南",
    "hubei": "湖北",
    "hunan": "湖南",
    "guangdong": "广东",
    "hainan": "海南",
    "sichuan": "四川",
    "guizhou": "贵州",
    "yunnan": "云南",
    "shaanxi": "陕西",
    "gansu": "甘肃",
    "qinghai": "青海",
    "taiwan": "台湾",
    "innermongolia": "内蒙古",
    "neimenggu": "内蒙古",
    "guangxi": "广西",
    "tibet": "西藏",
    "xizang": "西藏",
    "ningxia": "宁夏",
    "xinjiang": "新疆",
    "hongkong": "香港",
    "macau": "澳门",
    "macao": "澳门",
}

_CITY_SUFFIXES = ("自治州", "地区", "盟", "市")

# Cities the presets name, plus the other Guangxi prefectures, so that pinyin input compares too.
_CITY_EN = {
    "nanning": "南宁",
    "liuzhou": "柳州",
    "guilin": "桂林",
    "wuzhou": "梧州",
    "beihai": "北海",
    "fangchenggang": "防城港",
    "qinzhou": "钦州",
    "guigang": "贵港",
    "yulin": "玉林",
    "baise": "百色",
    "hezhou": "贺州",
    "hechi": "河池",
    "laibin": "来宾",
    "chongzuo": "崇左",
    "sanming": "三明",
    "fuqing": "福清",
    "yinchuan": "银川",
    "nanchang": "南昌",
}

_EN_STRIP = re.compile(r"[\s\-_'.]+")


def _en_key(text: str) -> str:
    key = _EN_STRIP.sub("", text.lower())
    for suffix in ("zhuangautonomousregion", "huiautonomousregion", "autonomousregion", "province", "city"):
        if key.endswith(suffix) and len(key) > len(suffix):
            key = key[: -len(suffix)]
    return key


def province(text: str) -> str:
    value = text.strip()
    mapped = _PROVINCE_EN.get(_en_key(value))
    if mapped:
        return mapped
    for suffix in _PROVINCE_SUFFIXES:
        if value.endswith(suffix) and len(value) > len(suffix):
            return value[: -len(suffix)]
    return value


def city(text: str) -> str:
    value = text.strip()
    mapped = _CITY_EN.get(_en_key(value))
    if mapped:
        return mapped
    for suffix in _CITY_SUFFIXES:
        if value.endswith(suffix) and len(value) > len(suffix):
            return value[: -len(suffix)]
    return value


CONTRACT_TYPES = ("development", "transfer", "licence", "consulting", "service", "training", "brokerage")

_CONTRACT_TYPE_ALIASES = {
    "development": "development",
    "develop": "development",
    "r&d": "development",
    "技术开发": "development",
    "开发": "development",
    "委托开发": "development",
    "合作开发": "development",
    "transfer": "transfer",
    "assignment": "transfer",
    "技术转让": "transfer",
    "转让": "transfer",
    "licence": "licence",
    "license": "licence",
    "licensing": "licence",
    "licencing": "licence",
    "技术许可": "licence",
    "许可": "licence",
    "consulting": "consulting",
    "consultancy": "consulting",
    "consultation": "consulting",
    "技术咨询": "consulting",
    "咨询": "consulting",
    "service": "service",
    "services": "service",
    "technical_service": "service",
    "技术服务": "service",
    "服务": "service",
    "training": "training",
    "技术培训": "training",
    "培训": "training",
    "brokerage": "brokerage",
    "intermediary": "brokerage",
    "技术中介": "brokerage",
    "中介": "brokerage",
}


def contract_type(text: str) -> str | None:
    key = text.strip().lower().replace(" ", "_").replace("-", "_")
    return _CONTRACT_TYPE_ALIASES.get(key) or _CONTRACT_TYPE_ALIASES.get(key.replace("_", ""))


SELLER_KINDS = ("university", "research_institute", "enterprise", "individual", "other")
BUYER_KINDS = ("enterprise", "start_up_team", "university", "research_institute", "individual", "other")

_KIND_ALIASES = {
    "enterprise": "enterprise",
    "company": "enterprise",
    "firm": "enterprise",
    "企业": "enterprise",
    "公司": "enterprise",
    "university": "university",
    "college": "university",
    "高校": "university",
    "大学": "university",
    "高等院校": "university",
    "学院": "university",
    "research_institute": "research_institute",
    "institute": "research_institute",
    "research_institution": "research_institute",
    "科研院所": "research_institute",
    "研究所": "research_institute",
    "研究院": "research_institute",
    "科研机构": "research_institute",
    "start_up_team": "start_up_team",
    "startup_team": "start_up_team",
    "start_up": "start_up_team",
    "startup": "start_up_team",
    "创业团队": "start_up_team",
    "individual": "individual",
    "person": "individual",
    "个人": "individual",
    "other": "other",
    "其他": "other",
}


def party_kind(text: str, allowed: tuple[str, ...]) -> str | None:
    key = text.strip().lower().replace(" ", "_").replace("-", "_")
    kind = _KIND_ALIASES.get(key)
    return kind if kind in allowed else None


_FIELD_ALIASES = {
    "biomedicine": "biomedicine",
    "biomedical": "biomedicine",
    "biomed": "biomedicine",
    "biopharma": "biomedicine",
    "biopharmaceutical": "biomedicine",
    "biopharmaceuticals": "biomedicine",
    "生物医药": "biomedicine",
    "生物医药产业": "biomedicine",
    "生物医药与健康": "biomedicine",
}


def field(text: str) -> str:
    """A technology field: known synonyms collapse to one name, anything else compares case-insensitively."""
    key = re.sub(r"[\s\-_]+", "", text.strip().lower())
    return _FIELD_ALIASES.get(key, key)
