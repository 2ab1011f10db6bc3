import time
from pathlib import Path

import numpy as np
import pytest

from backend.matching.engine import Document, EngineConfig, MatchEngine

from .conftest import NEEDS, synthetic


def _results(engine: MatchEngine, k: int = 5) -> list[list[tuple[object, float]]]:
    out = []
    for need in NEEDS:
        query = {"title": str(need["title"]), "description": str(need["description"])}
        out.append([(m.doc_id, round(m.score, 5)) for m in engine.search(query, top_k=k)])
    return out


def test_incremental_updates_equal_rebuild_with_same_statistics(outputs: list[Document]) -> None:
    live = MatchEngine().fit(outputs[:10])
    for doc in outputs[10:]:
        live.add(doc)
    live.remove(2)
    live.remove("o-4")
    live.update(Document(5, {"title": "锂电池回收", "summary": "废旧锂电池正极材料回收再利用。"}))
    final = [d for d in outputs if d.id not in (2, "o-4", 5)]
    final.append(Document(5, {"title": "锂电池回收", "summary": "废旧锂电池正极材料回收再利用。"}))
    rebuilt = MatchEngine().fit(final, statistics=live)
    assert _results(live) == _results(rebuilt)
    assert 2 not in live and 5 in live and len(live) == len(final)
    assert all(doc_id != 2 for row in _results(live, k=20) for doc_id, _ in row)


def test_removed_and_added_documents_show_up_immediately(engine: MatchEngine) -> None:
    query = {"title": "钙钛矿太阳能电池"}
    assert all(m.doc_id != "new" for m in engine.search(query))
    engine.add(Document("new", {"title": "钙钛矿太阳能电池", "summary": "钙钛矿薄膜光电转换效率"}))
    assert engine.search(query)[0].doc_id == "new"
    engine.remove("new")
    assert all(m.doc_id != "new" for m in engine.search(query))


def test_compact_keeps_results(engine: MatchEngine, outputs: list[Document]) -> None:
    engine.add(Document("x", {"title": "锂电池隔膜", "summary": "陶瓷涂覆隔膜"}))
    engine.remove(1)
    before = _results(engine)
    engine.compact()
    assert engine.index.delta_parts == []
    assert _results(engine) == before


def test_refit_recomputes_idf(engine: MatchEngine, outputs: list[Document]) -> None:
    for i in range(30):
        engine.add(Document(f"dup-{i}", {"title": "锂电池", "summary": "锂电池"}))
    assert engine.drift() > 0.05
    refit = MatchEngine().fit([*outputs, *(Document(f"dup-{i}", {"title": "锂电池"}) for i in range(30))])
    assert refit.drift() == pytest.approx(0.0)
    old = engine.index.idf[engine.index.vocab.index["锂电"]]
    assert refit.index.idf[refit.index.vocab.index["锂电"]] < old


def test_save_load_round_trip(tmp_path: Path, engine: MatchEngine) -> None:
    engine.add(Document("late", {"title": "钙钛矿电池"}))
    version = engine.save(tmp_path)
    assert MatchEngine.current_version(tmp_path) == version
    loaded = MatchEngine.load(tmp_path)
    assert loaded.version == version
    assert _results(loaded) == _results(engine)
    assert sorted(map(str, loaded.ids())) == sorted(map(str, engine.ids()))
    # A loaded (memory-mapped) index still accepts live updates.
    loaded.add(Document("later", {"title": "量子引力探测器"}))
    assert loaded.search({"title": "量子引力"})[0].doc_id == "later"
    loaded.remove(1)
    second = loaded.save(tmp_path)
    assert second != version and MatchEngine.load(tmp_path).version == second


def test_memory_is_reported(engine: MatchEngine) -> None:
    mem = engine.memory_bytes()
    assert mem["total"] == sum(v for k, v in mem.items() if k != "total")
    assert mem["postings"] > 0 and mem["forward"] > 0


def test_long_postings_are_impact_ordered() -> None:
    engine = MatchEngine().fit(synthetic(800))
    index = engine.index
    lengths = np.diff(index.inv_indptr)
    term = int(np.argmax(lengths))
    _, data = index.postings(term)
    assert data.size >= 64
    assert np.all(np.diff(data) <= 0)


def test_empty_engine_and_empty_query() -> None:
    engine = MatchEngine(EngineConfig()).fit([])
    assert engine.search({"title": "电池"}) == []
    engine.add(Document("a", {"title": "电池"}))
    assert engine.search({"title": "电池"})[0].doc_id == "a"
    assert engine.search({"title": "，。"}) == []


def test_new_listing_is_matchable_within_two_seconds() -> None:
    engine = MatchEngine().fit(synthetic(5_000))
    start = time.perf_counter()
    engine.add(Document("fresh", {"title": "钙钛矿叠层太阳能电池", "summary": "钙钛矿与晶硅叠层"}))
    hits = engine.search({"title": "钙钛矿太阳能电池"}, top_k=3)
    assert time.perf_counter() - start < 2.0
    assert hits[0].doc_id == "fresh"
