"""Windows version resource for the frozen executables (file properties → 详细信息).

Used by packaging/dutydesk.spec on Windows; the numbers come from ``dutydesk.__version__`` so the
installer, the executables and 关于 always agree.
"""

from __future__ import annotations

import re
from pathlib import Path


def read_version(root: Path) -> str:
    """The version string from dutydesk/__init__.py, read as text (no import, no Qt needed)."""
    text = (root / "dutydesk" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        raise ValueError("__version__ not found in dutydesk/__init__.py")
    return match.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` → (0, 1, 0, 0); pre-release suffixes (``0.2.0rc1``) keep their numeric part."""
    numbers = [int(re.match(r"\d+", part).group()) for part in version.split(".")[:4]
               if re.match(r"\d+", part)]
    numbers += [0] * (4 - len(numbers))
    return tuple(numbers)  # type: ignore[return-value]


def write_version_file(root: Path, target: Path) -> str:
    """Write a PyInstaller version file and return its path."""
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    version = read_version(root)
    numbers = version_tuple(version)
    info = VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            StringFileInfo([StringTable("080404b0", [
                StringStruct("CompanyName", "DutyDesk"),
                StringStruct("FileDescription", "值班台 DutyDesk"),
                StringStruct("FileVersion", version),
                StringStruct("InternalName", "DutyDesk"),
                StringStruct("LegalCopyright", "Apache-2.0"),
                StringStruct("OriginalFilename", "DutyDesk.exe"),
                StringStruct("ProductName", "值班台 DutyDesk"),
                StringStruct("ProductVersion", version),
            ])]),
            VarFileInfo([VarStruct("Translation", [0x0804, 1200])]),
        ],
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(str(info), encoding="utf-8")
    return str(target)
