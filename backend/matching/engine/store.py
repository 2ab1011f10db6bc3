"""Versioned on-disk storage of an index, shared by every API process and worker.

Layout under a root directory::

    root/CURRENT                 name of the current version (replaced atomically)
    root/versions/<version>/     manifest.json, vocabulary.json, ids.json and one .npy per array

A version directory is written completely under a temporary name and renamed into place before
``CURRENT`` is switched with ``os.replace``, so a reader sees either the old or the new version. Arrays
are separate ``.npy`` files so that they can be memory-mapped (shared page cache across processes).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import time
from pathlib import Path
from typing import Any

import numpy as np

from .config import EngineConfig
from .index import SparseIndex
from .weighting import SparseRows, Vocabulary

FORMAT = 1
_BIG = ("main_indptr", "main_indices", "main_data", "inv_indptr", "inv_rows", "inv_data")
_SMALL = ("idf", "df_live")


def current_version(root: Path) -> str | None:
    """Name of the current version under ``root``, or None when nothing was saved."""
    try:
        return (root / "CURRENT").read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def save_index(root: Path, index: SparseIndex, ids: list[Any], keep: int = 3) -> str:
    """Write ``index`` (which must have no delta segment) as a new current version; returns its name.

    Only the ``keep`` most recent versions are kept, so a reader holding an older memory map keeps its
    data (unlinked files stay readable on POSIX) while the disk does not fill up.
    """
    if index.delta_parts:
        raise ValueError("compact the index before saving")
    versions = root / "versions"
    versions.mkdir(parents=True, exist_ok=True)
    version = time.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)
    tmp = versions / f".tmp-{version}"
    tmp.mkdir()
    arrays = {
        "main_indptr": index.main.indptr,
        "main_indices": index.main.indices,
        "main_data": index.main.data,
        "inv_indptr": index.inv_indptr,
        "inv_rows": index.inv_rows,
        "inv_data": index.inv_data,
        "idf": index.idf,
        "df_live": index.df_live,
    }
    for name, array in arrays.items():
        np.save(tmp / f"{name}.npy", np.ascontiguousarray(array))
    manifest = {
        "format": FORMAT,
        "version": version,
        "config": index.config.to_dict(),
        "n_fit_docs": index.n_fit_docs,
        "n_docs": len(ids),
        "n_terms": len(index.vocab),
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    (tmp / "vocabulary.json").write_text(json.dumps(index.vocab.terms, ensure_ascii=False), encoding="utf-8")
    (tmp / "ids.json").write_text(json.dumps(ids, ensure_ascii=False), encoding="utf-8")
    os.rename(tmp, versions / version)
    pointer = root / f".CURRENT.{version}"
    pointer.write_text(version, encoding="utf-8")
    os.replace(pointer, root / "CURRENT")
    stale = sorted(p for p in versions.iterdir() if not p.name.startswith("."))[:-keep]
    for old in stale:
        shutil.rmtree(old, ignore_errors=True)
    return version


def load_index(root: Path, version: str | None, mmap: bool) -> tuple[SparseIndex, list[Any], str]:
    """Load a saved version (the current one by default): index, ids in row order, version name."""
    version = version or current_version(root)
    if version is None:
        raise FileNotFoundError(f"no index saved under {root}")
    folder = root / "versions" / version
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    if manifest.get("format") != FORMAT:
        raise ValueError(f"unsupported index format {manifest.get('format')!r}")
    index = SparseIndex(EngineConfig.from_dict(manifest["config"]))
    index.vocab = Vocabulary(json.loads((folder / "vocabulary.json").read_text(encoding="utf-8")))
    ids: list[Any] = json.loads((folder / "ids.json").read_text(encoding="utf-8"))
    big = {name: np.load(folder / f"{name}.npy", mmap_mode="r" if mmap else None) for name in _BIG}
    # Small, mutable statistics are always copied so that live updates can modify them.
    small = {name: np.array(np.load(folder / f"{name}.npy")) for name in _SMALL}
    index.n_fit_docs = int(manifest["n_fit_docs"])
    index.idf, index.df_live = small["idf"], small["df_live"]
    index.main = SparseRows(indptr=big["main_indptr"], indices=big["main_indices"], data=big["main_data"])
    index.inv_indptr, index.inv_rows, index.inv_data = big["inv_indptr"], big["inv_rows"], big["inv_data"]
    index.alive = np.ones(len(ids), dtype=bool)
    return index, ids, version
