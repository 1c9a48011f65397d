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


TEMPLATE = """# UTF-8
# Windows version resource for DutyDesk, written by packaging/windows/version_info.py: do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
      StringStruct('CompanyName', 'DutyDesk'),
      StringStruct('FileDescription', '值班台 DutyDesk'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'DutyDesk'),
      StringStruct('LegalCopyright', 'Apache-2.0'),
      StringStruct('OriginalFilename', 'DutyDesk.exe'),
      StringStruct('ProductName', '值班台 DutyDesk'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def write_version_file(root: Path, target: Path) -> str:
    """Write the version file PyInstaller reads (``EXE(version=...)``) and return its path.

    Plain text in PyInstaller's documented format rather than its classes, whose module needs
    Windows-only packages: the file can be written and checked on any system.
    """
    version = read_version(root)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(TEMPLATE.format(numbers=version_tuple(version), version=version), encoding="utf-8")
    return str(target)
