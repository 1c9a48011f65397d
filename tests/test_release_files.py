"""Release files: the licence, the third-party notices and the exact-version constraints cover
every runtime dependency, and the bundle, the installer and the wheel carry the licence files."""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
sys.path.insert(0, str(PACKAGING))

from make_constraints import canonical, requirement_name, runtime_closure, runtime_requirements  # noqa: E402


def runtime_dependencies() -> list[str]:
    return [requirement_name(d) for d in runtime_requirements()]


def constraints() -> dict[str, str]:
    pins = {}
    for line in (PACKAGING / "constraints.txt").read_text("utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"not an exact pin: {line}"
            pins[canonical(name)] = version
    return pins


def notices() -> str:
    return (ROOT / "THIRD-PARTY-NOTICES.txt").read_text("utf-8-sig")


def test_licence_is_the_full_apache_2_text():
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    assert "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION" in text
    assert "END OF TERMS AND CONDITIONS" in text and "APPENDIX" in text
    assert 'license = { text = "Apache-2.0" }' in (ROOT / "pyproject.toml").read_text("utf-8")


def test_notices_name_every_runtime_dependency_and_what_comes_bundled_with_them():
    text = notices().lower()
    for name in runtime_dependencies():
        spelled = {name, name.replace("-", "_"), name.split("-")[0]}
        assert any(s in text for s in spelled), f"{name} missing from THIRD-PARTY-NOTICES.txt"
    for name in runtime_closure():  # what pip pulls in with them (pillow, shiboken6, et-xmlfile...)
        assert name in text or name.replace("-", "_") in text, name
    for extra in ("pdfium", "wenquanyi", "lgpl-3.0", "gnu lesser general public license"):
        assert extra in text, extra


def test_notices_tell_where_qt_source_is_and_how_to_replace_the_libraries():
    text = notices()
    assert "download.qt.io" in text and "code.qt.io" in text
    assert "替换 Qt 库" in text and "_internal" in text


def test_notices_state_each_package_licence_from_its_metadata():
    text = notices()
    table = {line.split(" | ")[0].lower(): line for line in text.splitlines() if line.count(" | ") >= 3}
    pins = constraints()
    for name in runtime_closure():
        dist = metadata.distribution(name)
        if pins.get(name) != dist.version:
            continue  # the notices describe the pinned version; this venv has another one
        declared = dist.metadata.get("License-Expression") or (dist.metadata.get("License") or "").strip()
        row = table.get(dist.metadata["Name"].lower())
        assert row, name
        if declared and "\n" not in declared and len(declared) < 120:
            assert declared in row, (name, declared)


def test_every_runtime_dependency_is_pinned_within_pyproject_bounds():
    from packaging.requirements import Requirement  # installed with PyInstaller (test extra)

    pins = constraints()
    for requirement in runtime_requirements():
        parsed = Requirement(requirement)
        name = canonical(parsed.name)
        assert name in pins, f"{name} is not pinned in packaging/constraints.txt"
        assert parsed.specifier.contains(pins[name]), f"{name}=={pins[name]} is outside {parsed.specifier}"
    for name in runtime_closure():  # what they pull in is pinned too (pillow, shiboken6, et-xmlfile...)
        assert name in pins, f"{name} is not pinned in packaging/constraints.txt"


def test_release_builds_install_from_the_constraints():
    bat = (PACKAGING / "windows" / "build_installer.bat").read_text("utf-8")
    assert re.search(r"pip install -c packaging\\constraints\.txt", bat)
    wheelhouse = (PACKAGING / "build_wheelhouse.py").read_text("utf-8")
    assert '"--constraint", str(CONSTRAINTS)' in wheelhouse


def test_the_bundle_the_installer_and_the_wheel_carry_the_licence_files():
    spec = (PACKAGING / "dutydesk.spec").read_text("utf-8")
    for name in ("LICENSE", "THIRD-PARTY-NOTICES.txt"):
        assert f'(str(ROOT / "{name}"), ".")' in spec, name
    iss = (PACKAGING / "windows" / "dutydesk.iss").read_text("utf-8-sig")
    assert re.search(r"^LicenseFile=\.\.\\\.\.\\LICENSE$", iss, re.M)
    assert re.search(r"^InfoBeforeFile=\.\.\\\.\.\\THIRD-PARTY-NOTICES\.txt$", iss, re.M)
    assert (ROOT / "THIRD-PARTY-NOTICES.txt").read_bytes().startswith(b"\xef\xbb\xbf")  # Inno reads UTF-8
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    assert 'license-files = ["LICENSE", "THIRD-PARTY-NOTICES.txt"]' in pyproject


@pytest.mark.parametrize("name", ["LICENSE", "THIRD-PARTY-NOTICES.txt"])
def test_the_program_finds_the_licence_files(name):
    from dutydesk.licence_files import licence_path, licence_texts

    assert licence_path(name) is not None
    assert all(t.text and "未找到" not in t.text[:10] for t in licence_texts())


def test_the_frozen_build_reads_the_copies_beside_its_libraries(tmp_path, monkeypatch):
    from dutydesk.licence_files import licence_texts

    (tmp_path / "LICENSE").write_text("打包版中的许可证", encoding="utf-8")
    (tmp_path / "THIRD-PARTY-NOTICES.txt").write_bytes("\ufeff打包版中的声明".encode())
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert [t.text for t in licence_texts()] == ["打包版中的许可证", "打包版中的声明"]


def test_notices_name_the_openssl_inside_cryptography():
    """cryptography's wheel links OpenSSL (Apache-2.0) into its Rust extension: the bundle's only
    OpenSSL (packaging/dutydesk.spec leaves Python's out), named with the version it carries."""
    from cryptography.hazmat.backends.openssl.backend import backend

    version = re.match(r"OpenSSL (\S+)", backend.openssl_version_text()).group(1)
    row = next(line for line in notices().splitlines() if line.startswith("OpenSSL（"))
    assert f"| {version} | Apache-2.0 |" in row
    assert f"OpenSSL {version}（cryptography 的二进制部分）" in notices()
