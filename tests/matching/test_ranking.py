import dataclasses

import numpy as np
import pytest

from backend.matching.engine import Document, EngineConfig, MatchEngine

from .conftest import synthetic


def test_known_item_ranks_first(engine: MatchEngine) -> None:
    hits = engine.search({"title": "提高锂电池能量密度", "description": "高镍正极材料，循环寿命"})
    assert hits[0].doc_id == 1
    assert [m.score for m in hits] == sorted((m.score for m in hits), reverse=True)
    assert 0.0 < hits[0].score <= 1.0 + 1e-6


def test_keyword_list_query(engine: MatchEngine) -> None:
    assert engine.search({"description": "镉污染；土壤修复；钝化剂"})[0].doc_id == 8


def test_filter_applies_before_the_cut(engine: MatchEngine) -> None:
    query = {"title": "锂电池正极材料"}
    unfiltered = [m.doc_id for m in engine.search(query, top_k=3)]
    assert 1 in unfiltered
    allowed = [doc_id for doc_id in engine.ids() if doc_id not in (1, 2)]
    hits = engine.search(query, top_k=3, allowed=allowed)
    assert hits and all(m.doc_id not in (1, 2) for m in hits)
    # Same result whichever way the filter is expressed.
    assert hits == engine.search(query, top_k=3, allowed=engine.mask(allowed))
    assert hits == engine.search(query, top_k=3, allowed=lambda i: i not in (1, 2))


def test_min_score_drops_weak_matches(engine: MatchEngine) -> None:
    query = {"title": "锂电池正极材料"}
    hits = engine.search(query, top_k=10)
    threshold = (hits[0].score + hits[1].score) / 2
    strict = engine.search(query, top_k=10, min_score=threshold)
    assert [m.doc_id for m in strict] == [hits[0].doc_id]
    assert engine.search({"title": "宇宙黑洞"}) == []


def test_similar_excludes_itself(engine: MatchEngine) -> None:
    hits = engine.similar(1, top_k=3)
    assert hits[0].doc_id == 2 and all(m.doc_id != 1 for m in hits)


def _forced(config: EngineConfig, **changes: int) -> EngineConfig:
    return dataclasses.replace(config, exact_below=0, **changes)


QUERIES = ["电池材料研究", "基于机器人视觉的控制系统设计", "污水和土壤的分析方法", "疫苗天线桥梁"]


@pytest.mark.parametrize("budget", [300, 1_500])
def test_two_stage_filters_and_stays_close_to_exact(budget: int) -> None:
    docs = synthetic(3_000)
    exact = MatchEngine(EngineConfig()).fit(docs)
    pruned = MatchEngine(_forced(EngineConfig(), postings_budget=budget, candidates=200)).fit(docs)
    labels = np.arange(3_000) % 4
    allowed = [i for i in range(3_000) if labels[i] != 0]
    overlap = []
    for text in QUERIES:
        got = pruned.search({"title": text}, top_k=10, allowed=allowed)
        assert pruned.last_stats.strategy.startswith("two-stage")
        want = exact.search({"title": text}, top_k=10, allowed=allowed)
        assert len(got) == 10 and all(labels[m.doc_id] != 0 for m in got)
        if pruned.last_stats.exact:
            assert [round(m.score, 5) for m in got] == [round(m.score, 5) for m in want]
        overlap.append(len({m.doc_id for m in got} & {m.doc_id for m in want}) / 10)
    assert np.mean(overlap) >= 0.6


def test_two_stage_certificate_means_exact() -> None:
    docs = synthetic(3_000)
    exact = MatchEngine(EngineConfig()).fit(docs)
    query = {"title": "疫苗天线桥梁"}
    terms, _ = exact.query_vector(query)
    total = int(exact.index.posting_lengths(terms).sum())
    # Just short of every posting: only the tail of the longest list is skipped, so the bound is tight.
    pruned = MatchEngine(_forced(EngineConfig(), postings_budget=total - 5, candidates=500)).fit(docs)
    got = pruned.search(query, top_k=10)
    assert pruned.last_stats.strategy == "two-stage" and pruned.last_stats.exact
    assert [(m.doc_id, round(m.score, 5)) for m in got] == [
        (m.doc_id, round(m.score, 5)) for m in exact.search(query, top_k=10)
    ]


def test_selective_filter_scans_allowed_documents() -> None:
    docs = synthetic(2_000)
    engine = MatchEngine(_forced(EngineConfig(), postings_budget=500)).fit(docs)
    reference = MatchEngine(EngineConfig()).fit(docs)
    allowed = list(range(0, 2_000, 97))
    got = engine.search({"title": "电池材料"}, top_k=5, allowed=allowed)
    assert engine.last_stats.strategy == "filtered-scan"
    assert got == reference.search({"title": "电池材料"}, top_k=5, allowed=allowed)
    assert {m.doc_id for m in got} <= set(allowed)


def test_delta_documents_respect_filters(engine: MatchEngine) -> None:
    engine.add(Document("d1", {"title": "锂电池正极材料"}))
    engine.add(Document("d2", {"title": "锂电池正极材料改性"}))
    hits = engine.search({"title": "锂电池正极材料"}, allowed=["d2", 2])
    assert hits[0].doc_id == "d2" and {m.doc_id for m in hits} <= {"d2", 2}
    with pytest.raises(ValueError):
        stale = engine.mask(["d1"])
        engine.add(Document("d3", {"title": "x"}))
        engine.search({"title": "锂电池"}, allowed=stale)
