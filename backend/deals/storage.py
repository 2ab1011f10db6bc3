"""Where deal documents live: a small interface, a local-filesystem implementation for the embedded run.

An object-storage implementation (S3 / OSS) only has to provide the same three methods; keys are
relative paths made by the caller and never contain user input.
"""

import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from backend.core.config import get_settings


class Storage(Protocol):
    def put(self, key: str, data: bytes) -> None: ...

    def get(self, key: str) -> bytes: ...

    def exists(self, key: str) -> bool: ...


class LocalStorage:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root.resolve()):
            raise ValueError("storage key escapes the storage root")
        return path

    def put(self, key: str, data: bytes) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a reader never sees half a file and a crash leaves no torn document.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def get(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()


@lru_cache
def _local(root: str) -> LocalStorage:
    return LocalStorage(Path(root))


def get_storage() -> Storage:
    return _local(str(get_settings().var_dir / "documents"))
