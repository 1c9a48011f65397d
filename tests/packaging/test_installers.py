"""Installer and desktop-integration files: checked as text on every run (they are built elsewhere:
the Windows installer by Inno Setup on a Windows PC, the tarball by tests/packaging/test_frozen.py)."""

from __future__ import annotations

import configparser
import re
import sys
from pathlib import Path

from dutydesk import APP_NAME, __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ISS = PACKAGING / "windows" / "dutydesk.iss"
sys.path.insert(0, str(PACKAGING / "windows"))
import version_info  # noqa: E402  (packaging/ is scripts, not a package)


def iss_text() -> str:
    raw = ISS.read_bytes()
    # Inno Setup reads a file without a BOM in the PC's ANSI code page: Chinese names would break.
    assert raw.startswith(b"\xef\xbb\xbf"), "dutydesk.iss must be UTF-8 with a BOM"
    return raw[3:].decode("utf-8")


def iss_sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        stripped = line.strip()
        if re.fullmatch(r"\[\w+\]", stripped):
            current = stripped[1:-1]
            sections[current] = []
        elif current and stripped and not stripped.startswith(";"):
            sections[current].append(stripped)
    return sections


def iss_define(text: str, name: str) -> str:
    return re.search(rf'#define {name} "([^"]*)"', text).group(1)


def test_uninstaller_never_deletes_the_data_folder():
    sections = iss_sections(iss_text())
    assert "UninstallDelete" not in sections and "InstallDelete" not in sections
    # Everything installed goes to {app}; the data folder is elsewhere, so uninstalling leaves it.
    assert all('DestDir: "{app}"' in line for line in sections["Files"])
    data_folder_mentions = [line for name, lines in sections.items() if name != "Code"
                            for line in lines if "localappdata" in line.lower()]
    assert data_folder_mentions == []


def test_installer_metadata_matches_the_app_and_the_build():
    text = iss_text()
    assert iss_define(text, "AppVersion") == __version__, "default version out of step with dutydesk"
    for key in ("AppVersion={#AppVersion}", "VersionInfoVersion={#AppVersion}", "AppPublisher=",
                "UninstallDisplayIcon=", "AppId={{"):
        assert key in text
    exe = iss_define(text, "AppExeName")
    spec = (PACKAGING / "dutydesk.spec").read_text(encoding="utf-8")
    assert f'_exe("{Path(exe).stem}", console=False)' in spec, "shortcut target is not the windowed exe"
    def from_iss(windows_path: str) -> Path:  # ISCC resolves relative paths from the .iss folder
        return (ISS.parent / windows_path.replace("\\", "/")).resolve()

    assert from_iss(iss_define(text, "IconFile")) == ROOT / "resources" / "icons" / "dutydesk.ico"
    assert from_iss(iss_define(text, "BundleDir")) == PACKAGING / "dist" / "DutyDesk"
    sections = iss_sections(text)
    icons = "\n".join(sections["Icons"])
    assert "{group}" in icons and "{autodesktop}" in icons and "Tasks: desktopicon" in icons


def test_windows_version_resource_carries_the_app_version(tmp_path):
    assert version_info.read_version(ROOT) == __version__
    assert version_info.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert version_info.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    path = Path(version_info.write_version_file(ROOT, tmp_path / "v.txt"))
    calls = {}

    def recorder(name):
        def record(*args, **kwargs):
            calls.setdefault(name, []).append((args, kwargs))
            return name
        return record

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    eval(path.read_text(encoding="utf-8"), {n: recorder(n) for n in names})  # PyInstaller evals it too
    strings = dict(args for args, _ in calls["StringStruct"])
    assert strings["ProductVersion"] == strings["FileVersion"] == __version__
    assert strings["ProductName"] == "值班台 DutyDesk"
    assert calls["FixedFileInfo"][0][1]["filevers"] == version_info.version_tuple(__version__)


def test_linux_desktop_entry():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(PACKAGING / "linux" / "dutydesk.desktop", encoding="utf-8")
    main = entry["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Name"] == APP_NAME and main["Name[zh_CN]"] == "值班台"
    assert main["Exec"] == "dutydesk"  # install-desktop-entry.sh rewrites it to the unpacked path
    assert main["Icon"] == "dutydesk" and main["Terminal"] == "false"
    assert main["Categories"].endswith(";") and main["Keywords"].endswith(";")
    assert entry["Desktop Action demo"]["Exec"] == "dutydesk --demo"
    script = (PACKAGING / "linux" / "install-desktop-entry.sh").read_text(encoding="utf-8")
    assert 's|^Exec=dutydesk|Exec=\\"$here/dutydesk\\"|' in script
