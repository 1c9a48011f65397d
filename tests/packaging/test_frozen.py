"""Smoke test of the frozen one-folder build: build it with PyInstaller, then run the frozen program
the way an office PC would, offscreen, on data folders made by the source code.

Marked ``packaging``: see tests/packaging/conftest.py for when it runs (always in CI).
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from dutydesk import __version__
from dutydesk.cli_identity import ENV_PASSWORD
from dutydesk.reports.selftest import TITLE
from dutydesk.store.base import connect
from dutydesk.store.datafolder import DataFolder
from dutydesk.store.migrations import MIGRATIONS, migrate, schema_version

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import build_bundle  # noqa: E402  (packaging/ is scripts, not a package)

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the frozen smoke test builds on Linux"),
]

LATEST_SCHEMA = int(MIGRATIONS[-1][1:5])


def unwanted_qt_libraries() -> tuple[str, ...]:
    """Qt libraries that must not end up in the bundle (the point of trimming PySide6), unless the
    source itself imports that Qt module."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "dutydesk").rglob("*.py"))
    modules = ("Quick", "Qml", "WebEngine", "Pdf", "Multimedia", "3D", "Designer", "VirtualKeyboard",
               "Network", "Sql")
    return tuple(f"libQt6{m}" for m in modules if not re.search(rf"\bQt{m}", source))


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        # Not a skip: these tests run because packaging inputs changed (or in CI), so a change that
        # could break the frozen build must not land unchecked just because a venv is older.
        pytest.fail('PyInstaller is missing; it is in the test extra: pip install -e ".[test]" '
                    "(or DUTYDESK_PACKAGING_TESTS=0 to skip the packaging tests)")
    base = tmp_path_factory.mktemp("frozen")
    return build_bundle.build_bundle(base / "dist", base / "work")


def run_frozen(
    bundle: Path, *args: str, timeout: int = 300, password: str | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""}
    env.pop(ENV_PASSWORD, None)
    if password is not None:
        env[ENV_PASSWORD] = password
    env.pop("DUTYDESK_DATA_DIR", None)
    return subprocess.run(
        [str(build_bundle.executable(bundle)), *args], capture_output=True, text=True,
        encoding="utf-8", env=env, cwd=bundle.parent, timeout=timeout,
    )


def check_ok(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def test_frozen_program_prints_its_version(bundle):
    result = run_frozen(bundle, "--version")
    check_ok(result)
    assert result.stdout.strip() == f"DutyDesk {__version__}"


def test_frozen_demo_then_check_on_the_demo_folder(bundle, tmp_path):
    folder = tmp_path / "演示数据"
    check_ok(run_frozen(bundle, "demo", "--data-dir", str(folder), "--days", "30"))
    result = run_frozen(bundle, "check", "--data-dir", str(folder))
    check_ok(result)
    # Migrations are found by pkgutil inside the frozen archive: all of them ran.
    assert f"数据库版本：{LATEST_SCHEMA}" in result.stdout
    assert "结果: 正常" in result.stdout


def test_frozen_selftest_pdf_embeds_the_font_shipped_inside_the_bundle(bundle, tmp_path):
    out = tmp_path / "自检.pdf"
    result = run_frozen(bundle, "--data-dir", str(tmp_path / "data"), "selftest-pdf", str(out))
    check_ok(result)
    font_line = next(line for line in result.stdout.splitlines() if line.startswith("内嵌字体"))
    font_file = Path(re.search(r"（(.+)）", font_line).group(1))
    assert font_file.is_relative_to(bundle), f"font found outside the bundle: {font_file}"
    assert font_file.name == "wqy-microhei.ttc" and font_file.is_file()
    text = PdfReader(str(out)).pages[0].extract_text()
    assert TITLE in text and "犇 鑫 淼" in text


def test_data_folder_made_by_the_source_opens_and_upgrades_in_the_frozen_build(bundle, tmp_path):
    """Upgrading: books written by this source tree (standing in for the previous release), and a
    file at the oldest schema, open in the frozen build, which migrates the old one to the latest."""
    from dutydesk.commands.demo import fill_demo_folder

    current = DataFolder(tmp_path / "current")
    fill_demo_folder(current, seed=7, days=20, scale=0.2)
    result = run_frozen(bundle, "check", "--data-dir", str(current.path))
    check_ok(result)
    assert f"数据库版本：{LATEST_SCHEMA}" in result.stdout

    oldest = DataFolder(tmp_path / "oldest")
    oldest.ensure()
    db = connect(oldest.db_path)
    migrate(db, upto=MIGRATIONS[0])
    db.execute_sql(
        "INSERT INTO audit_entry (at, account, table_name, record_id, action) "
        "VALUES ('2026-01-05T09:00:00', '旧版', 'center_profile', 1, 'create')"
    )
    db.close()
    result = run_frozen(bundle, "check", "--data-dir", str(oldest.path))
    check_ok(result)
    assert f"数据库版本：{LATEST_SCHEMA}" in result.stdout
    db = connect(oldest.db_path)
    assert schema_version(db) == LATEST_SCHEMA
    assert db.execute_sql("SELECT account FROM audit_entry").fetchall() == [("旧版",)]
    db.close()


def test_frozen_gui_starts_offscreen_on_the_demo_folder(bundle, tmp_path):
    """The window program itself (Qt platform plugin, fonts, theme, every tab) starts and stays up."""
    folder = tmp_path / "gui"
    check_ok(run_frozen(bundle, "demo", "--data-dir", str(folder), "--days", "10"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""}
    process = subprocess.Popen(
        [str(build_bundle.executable(bundle, console=False)), "--data-dir", str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        # A crash on start (missing plugin, library or resource) ends the process at once; a GUI
        # that got to its event loop keeps running until it is closed.
        process.wait(timeout=8)
    except subprocess.TimeoutExpired:
        pass
    else:
        out, err = process.communicate()
        pytest.fail(f"the GUI exited with {process.returncode}\nstdout:\n{out}\nstderr:\n{err}")
    finally:
        if process.poll() is None:
            process.terminate()
            process.communicate(timeout=30)
    log = (folder / "logs" / "dutydesk.log").read_text(encoding="utf-8")
    assert "Traceback" not in log, log  # the excepthook logs any uncaught error with its traceback


def test_bundle_is_small_and_holds_only_the_qt_it_needs(bundle):
    size_mb = build_bundle.folder_size(bundle) / 1_000_000
    assert size_mb < build_bundle.SIZE_TARGET_MB, f"bundle is {size_mb:.0f} MB"
    names = [p.name for p in bundle.rglob("*") if p.is_file()]
    assert not [n for n in names if n.startswith(unwanted_qt_libraries())]
    translations = [n for n in names if n.endswith(".qm")]
    assert translations and all("zh_CN" in n for n in translations)
    platforms = {p.name for p in bundle.rglob("plugins/platforms/*")}
    assert {"libqxcb.so", "libqoffscreen.so", "libqwayland.so"} <= platforms
    assert list(bundle.rglob("plugins/printsupport/*")), "printing needs the print support plugin"
    resources = bundle / "_internal" / "dutydesk" / "resources"
    assert (resources / "icons" / "dutydesk.svg").is_file()
    from dutydesk.ui.help.guide_pages import guide_pages, page_images

    guide_pictures = {image.name for page in guide_pages() for image in page_images(page)}
    shipped = {p.name for p in (resources / "screenshots").iterdir()}
    assert shipped == guide_pictures, "the user guide's pictures ship, the README's other pictures do not"
    assert (resources / "help" / "index.html").is_file()


def test_every_bundled_qt_library_finds_its_qt_dependencies_inside_the_bundle(bundle):
    """Trimming must not drop a Qt library that a kept library or plugin links against."""
    internal = bundle / "_internal"
    qt_lib = next(internal.rglob("libQt6Core.so*")).parent
    missing = {}
    for path in internal.rglob("*.so*"):
        if not path.is_file():
            continue
        result = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True,
            env={**os.environ, "LD_LIBRARY_PATH": f"{qt_lib}:{internal}"},
        )
        lost = [line.split()[0] for line in result.stdout.splitlines()
                if "not found" in line and "Qt6" in line]
        if lost:
            missing[str(path.relative_to(internal))] = lost
    assert not missing, missing


def test_linux_tarball_unpacks_runs_and_adds_a_menu_entry(bundle, tmp_path):
    sys.path.insert(0, str(ROOT / "packaging" / "linux"))
    import make_tarball

    tarball = make_tarball.make_tarball(bundle, tmp_path / "out")
    assert tarball.name == f"dutydesk-{__version__}-linux-{os.uname().machine}.tar.gz"
    opt = tmp_path / "opt"
    opt.mkdir()
    subprocess.run(["tar", "xzf", str(tarball), "-C", str(opt)], check=True)  # as a user would
    unpacked = opt / f"DutyDesk-{__version__}"
    assert "install-desktop-entry.sh" in (unpacked / "README.txt").read_text(encoding="utf-8")
    result = run_frozen(unpacked, "--version")
    check_ok(result)
    assert result.stdout.strip() == f"DutyDesk {__version__}"

    home = tmp_path / "home"
    (home / "Desktop").mkdir(parents=True)
    env = {"PATH": os.environ["PATH"], "HOME": str(home)}
    subprocess.run(["sh", str(unpacked / "install-desktop-entry.sh")], check=True, env=env,
                   capture_output=True, timeout=60)
    entry = (home / ".local/share/applications/dutydesk.desktop").read_text(encoding="utf-8")
    assert f'Exec="{unpacked}/dutydesk"' in entry and "Name[zh_CN]=值班台" in entry
    assert (home / ".local/share/icons/hicolor/48x48/apps/dutydesk.png").is_file()
    assert (home / ".local/share/icons/hicolor/scalable/apps/dutydesk.svg").is_file()
    assert (home / "Desktop" / "dutydesk.desktop").is_file()


def test_frozen_handoff_signs_the_township_bundle_and_checks_a_password_set_by_the_source(bundle, tmp_path):
    """Issue 16 in the frozen build: cryptography's Rust extension ships, signs the month's bundle
    (Ed25519) and reads it back; the source verifies it. The account's password was hashed by the
    source (Python's OpenSSL scrypt) and is checked by the frozen build, which has no Python OpenSSL
    (cryptography's scrypt): the same books work in both."""
    import datetime as dt

    from dutydesk.desk import open_desk
    from dutydesk.store.accounts.account import Account
    from dutydesk.store.accounts.login import set_password
    from dutydesk.township.bundle import FOLDER, verify_bundle

    internal = bundle / "_internal"
    assert list((internal / "cryptography" / "hazmat" / "bindings").glob("_rust*.so")), "cryptography's Rust extension"
    books = tmp_path / "柳溪村"
    check_ok(run_frozen(bundle, "demo", "--data-dir", str(books), "--days", "3", "--scale", "0.1",
                        "--center", "柳溪村党群服务中心", "--code", "350425100202"))
    desk = open_desk(DataFolder(books))
    try:
        set_password(Account.get(Account.name == "王书记"), "1357", "测试", desk.now())
    finally:
        desk.close()
    stick = tmp_path / "U盘"
    stick.mkdir()
    month = (dt.date.today() - dt.timedelta(days=1)).strftime("%Y-%m")
    handoff = ("handoff", "--month", month, "--out", str(stick), "--data-dir", str(books), "--user", "王书记")

    wrong = run_frozen(bundle, *handoff, password="2468")
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr
    assert "密码" in wrong.stderr and not list(stick.iterdir())

    result = run_frozen(bundle, *handoff, password="1357")
    check_ok(result)
    assert "数据包" in result.stdout
    [handed] = [p for p in stick.iterdir() if p.is_dir()]
    manifest = verify_bundle(handed / FOLDER)  # the source checks what the frozen build signed
    assert (manifest.center, manifest.center_code, manifest.period) == ("柳溪村党群服务中心", "350425100202", month)
    assert manifest.rows["attendance_tally.jsonl"] > 0


def test_bundle_has_one_openssl_no_postgresql_driver_and_leaves_base_libraries_to_the_system(bundle):
    """Only cryptography's statically linked OpenSSL ships (not Python's libssl/libcrypto), the
    township server's optional PostgreSQL driver never does, nor the desktop's own base libraries."""
    names = [p.name for p in bundle.rglob("*")]
    assert not [n for n in names if n.startswith(("libssl", "libcrypto", "_ssl.", "_hashlib."))]
    assert not [n for n in names if "psycopg" in n.lower() or n.startswith("libpq")]
    base = ("libstdc++.so", "libglib-2.0.so", "libdbus-1.so", "libsystemd.so", "libgcrypt.so")
    assert not [n for n in names if n.startswith(base)]
    # ...while the trimming keeps what the app's icons, pictures and printing need.
    plugins = {p.relative_to(p.parents[1]).as_posix() for p in bundle.rglob("plugins/*/*.so")}
    assert {"imageformats/libqsvg.so", "imageformats/libqico.so", "imageformats/libqjpeg.so",
            "iconengines/libqsvgicon.so", "printsupport/libcupsprintersupport.so"} <= plugins
