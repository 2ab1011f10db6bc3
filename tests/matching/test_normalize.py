from backend.matching.engine import normalize
from backend.matching.engine.analyzer import Analyzer, display_term
from backend.matching.engine.config import EngineConfig


def test_full_width_case_and_punctuation() -> None:
    assert normalize("ＡＧＶ小车，ＭＩＭＯ！") == "agv小车 mimo"


def test_traditional_folds_to_simplified() -> None:
    assert normalize("電腦視覺與機器學習") == normalize("电脑视觉与机器学习")


def test_literal_escapes_and_empty() -> None:
    assert normalize("需求如下：\\n1.重载") == "需求如下 1 重载"
    assert normalize(None) == ""
    assert normalize("  ，。 ") == ""


def test_char_ngrams_do_not_cross_runs() -> None:
    terms = Analyzer(EngineConfig()).terms("锂电，正极")
    assert "电正" not in terms
    assert {"锂", "电", "锂电", "正极"} <= set(terms)


def test_latin_words_are_whole_tokens() -> None:
    terms = Analyzer(EngineConfig()).terms("基于Massive MIMO的5G天线")
    assert "massive" in terms and "mimo" in terms and "5g" in terms
    assert "m" not in terms


def test_ngram_range_and_jieba_space() -> None:
    terms = Analyzer(EngineConfig(char_ngram_max=3, jieba_words=True, word_weight=0.3)).terms("控制器设计")
    assert "控制器" in terms
    assert "w:控制器" in terms
    assert display_term("w:控制器") == "控制器"
