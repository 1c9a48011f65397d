"""README's apt line for Linux (Debian/Ubuntu/UOS/Kylin) names every system library Qt's xcb platform needs.

On a fresh Debian ``dutydesk --demo`` aborted because Qt's xcb plugin links libraries the README
did not list. This test reads the libraries the installed PySide6 actually links (the ``DT_NEEDED``
entries of the xcb platform plugin, the plugins loaded with it and the Qt libraries they pull in,
read from the ELF files themselves) plus the ones Qt opens at run time (``dlopen``), and checks
that the apt line in README.md installs each: by the package that owns the library on this machine
(``dpkg -S``) when it is installed here, else by Debian's naming rule for library packages.
A new Qt that links another system library, or a library dropped from the line, fails here.
It also fails when the line lists a library package nothing needs any more.
Skipped where there is no ELF Qt (Windows, macOS): Windows needs nothing besides the wheel.
"""

from __future__ import annotations

import functools
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"

# Qt (6.5 and later) dlopen()s these, so they are in no DT_NEEDED list of older wheels.
DLOPENED = ("libxcb-cursor.so.0",)
# Plugins Qt loads for a widgets app on X11: the platform, its GL integrations, printing,
# input methods (compose keys, ibus for Chinese input), picture formats, icons, the portal theme.
PLUGINS = (
    "platforms/libqxcb.so", "xcbglintegrations/*.so", "printsupport/*.so",
    "platforminputcontexts/libcompose*.so", "platforminputcontexts/libibus*.so",
    "imageformats/libqico.so", "imageformats/libqjpeg.so", "imageformats/libqgif.so", "imageformats/libqsvg.so",
    "iconengines/*.so", "platformthemes/libqxdgdesktopportal.so",
)  # the image formats the frozen bundle keeps (packaging/dutydesk.spec)
BINDINGS = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg")
# The C and C++ runtime and compression (packages of priority "required" in Debian and Ubuntu):
# on every Linux, not what the line is about.
BASE_SYSTEM = re.compile(r"^(libc|libm|libdl|librt|libpthread|libstdc\+\+|libgcc_s|ld-linux[-\w]*|libz|libzstd)\.so")
# Packages whose names do not follow the soname (Debian policy 8.1) rule.
SONAME_PACKAGES = {"libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
                   "libgobject-2.0.so.0": "libglib2.0-0", "libgio-2.0.so.0": "libglib2.0-0"}
NOT_LIBRARIES = {"python3-venv"}  # in the line for `python3 -m venv`, not for Qt


def apt_line_packages(text: str) -> set[str]:
    """The packages of the ``sudo apt-get install -y …`` line in the README's "Start it" section."""
    section = text.split("## Start it", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if "apt-get install" in line]
    assert len(lines) == 1, "one apt line under 'Start it'"
    words = lines[0].split("apt-get install", 1)[1].split("&&", 1)[0].split()  # the line goes on to start the app
    return {word.strip("`") for word in words if not word.startswith("-")} - {""}


def needed(path: Path) -> list[str]:
    """The DT_NEEDED entries of an ELF64 little-endian shared object (what ``ldd`` starts from)."""
    data = path.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, f"{path} is not ELF64 LE"
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    names = []
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strtab = sections[link][4]
        for at in range(offset, offset + size, entsize):
            tag, value = struct.unpack_from("<qQ", data, at)
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                names.append(data[strtab + value:data.index(b"\0", strtab + value)].decode())
    return names


def qt_system_libraries(pyside: Path) -> set[str]:
    """System libraries (by soname) that the xcb platform, its plugins and Qt libraries link."""
    qt_lib = pyside / "Qt" / "lib"
    roots = [p for pattern in PLUGINS for p in (pyside / "Qt" / "plugins").glob(pattern)]
    roots += [p for name in BINDINGS for p in pyside.glob(f"{name}.*so")]
    seen: set[str] = set()
    system: set[str] = set(DLOPENED)
    todo = list(roots)
    while todo:
        for name in needed(todo.pop()):
            if (qt_lib / name).exists() or (pyside / name).exists():
                if name not in seen:
                    seen.add(name)
                    todo.append(qt_lib / name if (qt_lib / name).exists() else pyside / name)
            elif not name.startswith(("libpyside6", "libshiboken6")) and not BASE_SYSTEM.match(name):
                system.add(name)
    return system


def package_by_name(soname: str) -> str:
    """Debian's package for a library it has not installed: libxcb-icccm.so.4 → libxcb-icccm4."""
    if soname in SONAME_PACKAGES:
        return SONAME_PACKAGES[soname]
    stem, version = soname.split(".so.", 1)
    version = version.split(".")[0]
    return f"{stem}-{version}".lower() if stem[-1].isdigit() else f"{stem}{version}".lower()


@functools.cache
def packages_on_this_machine(sonames: frozenset[str]) -> dict[str, str]:
    """The installed package owning each soname, from one ``dpkg -S`` (absent: not installed here)."""
    if not shutil.which("dpkg"):
        return {}
    found = subprocess.run(["dpkg", "-S", *(f"*/{s}" for s in sorted(sonames))], capture_output=True, text=True)
    owners: dict[str, str] = {}
    for line in found.stdout.splitlines():  # "libxcb1:amd64: /usr/lib/x86_64-linux-gnu/libxcb.so.1"
        package, _, path = line.partition(": ")
        name = Path(path.strip()).name
        if name in sonames:
            owners.setdefault(name, package.split(",")[0].split(":")[0].strip())
    return owners


def package_for(soname: str, sonames: frozenset[str]) -> str:
    return packages_on_this_machine(sonames).get(soname) or package_by_name(soname)


def same_package(listed: set[str], package: str) -> bool:
    # Ubuntu 24.04's 64-bit-time rename (libglib2.0-0t64) installs through the old name.
    return package in listed or package.removesuffix("t64") in listed


@pytest.fixture(scope="module")
def pyside() -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("Windows and macOS need no system packages")
    import PySide6

    path = Path(PySide6.__file__).parent
    if not (path / "Qt" / "plugins" / "platforms" / "libqxcb.so").exists():
        pytest.skip("this PySide6 has no xcb platform plugin")
    return path


def test_apt_line_installs_every_library_qt_needs(pyside):
    listed = apt_line_packages(README.read_text(encoding="utf-8"))
    missing = {}
    sonames = frozenset(qt_system_libraries(pyside))
    for soname in sorted(sonames):
        package = package_for(soname, sonames)
        if not same_package(listed, package):
            missing[soname] = package
    assert not missing, f"README's apt line lacks (library: package): {missing}"


def test_apt_line_lists_nothing_qt_no_longer_needs(pyside):
    listed = apt_line_packages(README.read_text(encoding="utf-8"))
    sonames = frozenset(qt_system_libraries(pyside))
    wanted = {package_for(s, sonames) for s in sonames}
    wanted |= {p.removesuffix("t64") for p in wanted}
    assert listed - NOT_LIBRARIES - wanted == set()


def test_the_check_reads_what_ldd_reads(pyside):
    """The ELF reader agrees with ldd, and the naming rule with Debian's names, on known cases."""
    plugin = pyside / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    direct = set(needed(plugin))
    assert "libxcb-icccm.so.4" in direct and any(n.startswith("libQt6XcbQpa") for n in direct)
    if shutil.which("ldd"):
        listed = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
        assert direct <= {line.split()[0] for line in listed.splitlines() if line.strip()}
    assert package_by_name("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert package_by_name("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert package_by_name("libX11-xcb.so.1") == "libx11-xcb1"
    assert package_by_name("libGL.so.1") == "libgl1"


def test_a_stale_line_fails(pyside):
    """Dropping one package from the line is noticed."""
    listed = apt_line_packages(README.read_text(encoding="utf-8")) - {"libxcb-icccm4"}
    sonames = frozenset(qt_system_libraries(pyside))
    lacking = [s for s in sonames if not same_package(listed, package_for(s, sonames))]
    assert lacking == ["libxcb-icccm.so.4"]


def test_apt_line_is_read_from_start_it():
    text = "# x\n## Start it\nsome text\n```bash\nsudo apt-get install -y python3-venv libgl1 libxcb1\n```\n## Next\n"
    assert apt_line_packages(text) == {"python3-venv", "libgl1", "libxcb1"}
