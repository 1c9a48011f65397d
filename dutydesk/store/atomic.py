"""Writing files so that a power cut or a pulled USB stick never leaves a half-written file
under its final name: write to a temporary name in the same folder, flush, fsync, rename."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


def fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (a no-op where directories cannot be opened, e.g. Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(str(folder), os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def temp_name(final: Path) -> Path:
    return final.with_name(f".{final.name}.{os.getpid()}.part")


@contextlib.contextmanager
def atomic_path(final: Path) -> Iterator[Path]:
    """A temporary path in ``final``'s folder to write to (openpyxl and reportlab want a path); on
    success it is synced and renamed to ``final``, on error removed."""
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_name(final)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
        fsync_dir(final.parent)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and _about_temp(exc, tmp):
            # the user asked for ``final`` (and may have it open in WPS): name that, not the temp
            raise OSError(exc.errno, exc.strerror or str(exc), str(final)) from exc
        raise


def _about_temp(exc: OSError, tmp: Path) -> bool:
    return exc.filename is None or os.fspath(exc.filename) == os.fspath(tmp)


@contextlib.contextmanager
def atomic_write(final: Path) -> Iterator[BinaryIO]:
    """Yield a binary file; on success it appears at ``final`` complete, on error not at all."""
    with atomic_path(final) as tmp, open(tmp, "wb") as fh:
        yield fh
