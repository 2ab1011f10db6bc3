import pytest

from backend.matching.engine import MatchEngine


def test_shares_sum_to_one_and_score_matches_search(engine: MatchEngine) -> None:
    query = {"title": "提高锂电池能量密度", "description": "需要高镍正极材料技术，延长循环寿命。"}
    best = engine.search(query, top_k=1)[0]
    why = engine.explain(query, best.doc_id, top_n=100)
    assert why.score == pytest.approx(best.score, abs=1e-5)
    assert sum(t.share for t in why.terms) + why.other_share == pytest.approx(1.0, abs=1e-5)
    assert all(t.share > 0 for t in why.terms)
    assert why.terms == sorted(why.terms, key=lambda t: -t.share)


def test_terms_are_readable_phrases(engine: MatchEngine) -> None:
    why = engine.explain({"title": "高镍正极材料"}, 1)
    words = [t.term for t in why.terms]
    assert "高镍正极材料" in words
    assert "镍正" not in words


def test_truncation_reports_the_rest(engine: MatchEngine) -> None:
    query = {"title": "锂离子电池正极材料的制备", "description": "能量密度；循环寿命；高镍三元"}
    why = engine.explain(query, 1, top_n=1)
    assert len(why.terms) == 1
    assert 0.0 < why.other_share < 1.0


def test_no_shared_terms(engine: MatchEngine) -> None:
    why = engine.explain({"title": "宇宙黑洞"}, 1)
    assert why.score == 0.0 and why.terms == []
