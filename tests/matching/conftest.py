"""A small synthetic corpus of research outputs and needs, written for these tests."""

from __future__ import annotations

import random

import pytest

from backend.matching.engine import Document, EngineConfig, MatchEngine

OUTPUTS: list[dict[str, object]] = [
    {
        "id": 1,
        "title": "锂离子电池正极材料的制备方法",
        "summary": "提出一种高镍三元正极材料，提高电池能量密度和循环寿命。",
    },
    {"id": 2, "title": "固态电池电解质", "summary": "硫化物固态电解质，离子电导率高，适用于全固态锂电池。"},
    {"id": "o-3", "title": "水稻抗病品种选育", "summary": "利用分子标记辅助选择培育抗稻瘟病水稻新品种。"},
    {"id": "o-4", "title": "小麦节水灌溉技术", "summary": "滴灌与土壤墒情监测结合，小麦节水百分之三十。"},
    {"id": 5, "title": "基于深度学习的图像识别", "summary": "卷积神经网络用于工业缺陷检测，识别准确率超过99%。"},
    {
        "id": 6,
        "title": "工业机器人视觉定位系统",
        "summary": "机器视觉引导机器人抓取，定位精度0.1毫米。",
        "keywords": ["机器视觉", "机器人"],
    },
    {"id": 7, "title": "污水处理膜生物反应器", "summary": "MBR工艺处理生活污水，出水达到一级A标准。"},
    {"id": 8, "title": "重金属污染土壤修复", "summary": "钝化剂原位修复镉污染农田土壤。"},
    {"id": 9, "title": "高血压中药复方制剂", "summary": "补肾活血汤治疗老年高血压，改善血管内皮功能。"},
    {"id": 10, "title": "新型疫苗佐剂", "summary": "纳米佐剂增强疫苗免疫应答。"},
    {"id": 11, "title": "5G基站天线设计", "summary": "Massive MIMO天线阵列，提高频谱效率。"},
    {"id": 12, "title": "桥梁健康监测传感器网络", "summary": "光纤光栅传感器监测钢管混凝土拱桥应变。"},
    {"id": 13, "title": "AGV智能运输车", "summary": "重载AGV自动导航，用于有色金属加工车间物料运输。"},
    {"id": 14, "title": "", "summary": "飞行器姿态控制的平方和优化方法，Lyapunov函数设计镇定控制器。"},
    {"id": 15, "title": "生物质气化发电装备", "summary": ""},
]

NEEDS: list[dict[str, object]] = [
    {"id": "n-1", "title": "提高锂电池能量密度", "description": "需要高镍正极材料技术，延长循环寿命。"},
    {"id": "n-2", "title": "车间物料自动运输", "description": "寻求重载AGV导航方案。"},
    {"id": 3, "title": "污水处理", "description": ""},
    {"id": "n-4", "title": "", "description": "镉污染；土壤修复；钝化剂"},
    {"id": "n-5", "title": "宇宙黑洞", "description": ""},
]

TOPICS = ["电池", "材料", "水稻", "机器人", "视觉", "污水", "土壤", "疫苗", "天线", "桥梁", "传感器", "控制"]
FILLER = ["研究", "方法", "系统", "技术", "应用", "设计", "分析", "优化", "的", "和", "基于", "一种"]


def documents(items: list[dict[str, object]]) -> list[Document]:
    return [Document.from_mapping(item) for item in items]


def synthetic(n: int, seed: int = 7) -> list[Document]:
    """``n`` random documents mixing topic words and filler, so common grams have long postings."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        words = rng.choices(TOPICS, k=rng.randint(1, 4)) + rng.choices(FILLER, k=rng.randint(2, 10))
        rng.shuffle(words)
        docs.append(Document(i, {"title": "".join(words[:3]), "summary": "".join(words[3:])}))
    return docs


@pytest.fixture
def outputs() -> list[Document]:
    return documents(OUTPUTS)


@pytest.fixture
def engine(outputs: list[Document]) -> MatchEngine:
    return MatchEngine(EngineConfig()).fit(outputs)
