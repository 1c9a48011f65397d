"""Write ``THIRD-PARTY-NOTICES.txt``: every component shipped with DutyDesk, its licence and text.

The list is the runtime dependency closure of ``make_constraints.py`` (what pip installs for
DutyDesk, hence what the bundle and the wheelhouse carry), each with the licence its installed
``dist-info`` metadata declares and the full text of the licence files it ships. Qt/PySide6 and
shiboken6 (LGPL-3.0) get where to find their source and how to replace the Qt libraries in an
installed DutyDesk. The bundled font, PDFium (inside pypdfium2) and the Python runtime the frozen
build carries are listed too. Run from the development venv after changing a dependency:

    .venv/bin/python packaging/make_notices.py

The file is UTF-8 with a byte order mark: Inno Setup shows it (InfoBeforeFile) on any Windows.
"""

from __future__ import annotations

import sys
import sysconfig
from importlib import metadata
from pathlib import Path

from make_constraints import ROOT, runtime_closure

NOTICES = ROOT / "THIRD-PARTY-NOTICES.txt"
FONT_DIR = ROOT / "resources" / "fonts"
COMMON_LICENSES = Path("/usr/share/common-licenses")  # GNU texts, for Qt's LGPL-3.0 (Debian/Ubuntu)
RULE = "=" * 78

# Declared licence as found in each package's metadata, in a word a reader recognises.
PDFIUM_FILES = ("pdfium.txt", "pdfium-binaries.txt", "abseil.txt", "agg23.txt", "fast_float.txt",
                "freetype.txt", "harfbuzz.txt", "highway.txt", "icu.txt", "lcms.txt", "libjpeg_turbo.ijg",
                "libjpeg_turbo.md", "libopenjpeg.txt", "libpng.txt", "libtiff.txt", "simdutf.txt",
                "zlib.txt", "dragonbox-Apache2-LLVM.txt", "dragonbox-Boost.txt")

LGPL_SECTION = """\
Qt、PySide6 与 shiboken6（LGPL-3.0）的源代码与替换方法
-------------------------------------------------------
本程序通过 PySide6（Qt for Python，含 shiboken6）使用 Qt {qt} 的库，按 GNU 宽通用公共许可证
第 3 版（LGPL-3.0）使用，未作修改。LGPL-3.0 与它所引用的 GPL-3.0 全文见本文件末尾。

获取源代码：
  * PySide6 与 shiboken6 {qt}：https://download.qt.io/official_releases/QtForPython/pyside6/
    （源代码包 pyside-setup-everywhere-src-{qt}），代码库 https://code.qt.io/cgit/pyside/pyside-setup.git/
  * Qt {qt}：https://download.qt.io/official_releases/qt/ （qt-everywhere-src-{qt}），
    代码库 https://code.qt.io/cgit/qt/
  * 如无法下载，可向本程序的提供者索取上述源代码（三年内有效）。

替换 Qt 库（LGPL-3.0 第 4 条赋予您的权利）：
  本程序以“文件夹”形式安装，Qt 与 PySide6 的库是其中单独的文件，没有静态链接进程序：
  * Windows：安装文件夹（默认 %LOCALAPPDATA%\\Programs\\DutyDesk 或 C:\\Program Files\\DutyDesk）
    下的 _internal\\PySide6\\ 中的 Qt6*.dll、pyside6.abi3.dll、plugins\\ 以及 _internal\\shiboken6\\；
  * Linux：解压文件夹下的 _internal/PySide6/Qt/lib/libQt6*.so.6、_internal/PySide6/Qt/plugins/
    以及 _internal/shiboken6/。
  用您自己编译或修改的、二进制兼容的同一 Qt 6 版本的同名文件覆盖它们，重新启动值班台即可
  （先关闭值班台；替换前请备份原文件）。也可以用 pip 安装另一版本的 PySide6-Essentials，再按
  packaging/README.md 用 PyInstaller 重新打包：本程序的全部源代码按 Apache-2.0 许可证提供。
"""


def _declared_licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) < 120:
        return text
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return "; ".join(classifiers)
    texts = " ".join(p.read_text(encoding="utf-8", errors="replace") for p in _licence_files(dist))
    if "Permission is hereby granted, free of charge" in texts:
        return "MIT（据所附许可证全文）"  # peewee declares no licence field, its LICENSE is MIT
    return "见下方许可证全文"


def _home(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    urls = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    for key in ("source", "repository", "code", "homepage"):
        if key in urls:
            return urls[key]
    return meta.get("Home-page") or next(iter(urls.values()), "")


def _licence_files(dist: metadata.Distribution) -> list[Path]:
    files = []
    for entry in dist.files or []:
        parts = entry.parts
        if not parts[0].endswith(".dist-info"):
            continue
        name = parts[-1].upper()
        if "BUILD_LICENSES" in parts:
            continue  # pypdfium2's build licences: listed in the PDFium section
        if "LICEN" in name or "COPYING" in name or "NOTICE" in name or "licenses" in parts:
            files.append(Path(str(dist.locate_file(entry))))
    return sorted(set(files))


def _pdfium_files() -> list[Path]:
    dist = metadata.distribution("pypdfium2")
    root = Path(str(dist.locate_file(f"pypdfium2-{dist.version}.dist-info"))) / "licenses" / "BUILD_LICENSES"
    return [root / name for name in PDFIUM_FILES if (root / name).exists()]


def _block(title: str, paths: list[Path]) -> str:
    out = [RULE, title, RULE]
    for path in paths:
        out.append(f"--- {path.name} ---")
        out.append(path.read_text(encoding="utf-8", errors="replace").strip())
        out.append("")
    return "\n".join(out) + "\n"


def _openssl_version() -> str:
    """The OpenSSL statically linked into cryptography's Rust extension (the bundle's only OpenSSL:
    Python's own is left out, see dutydesk.spec)."""
    import re

    from cryptography.hazmat.backends.openssl.backend import backend

    found = re.match(r"OpenSSL (\S+)", backend.openssl_version_text())
    return found.group(1) if found else ""


def render() -> str:
    pins = runtime_closure()
    dists = {name: metadata.distribution(name) for name in sorted(pins)}
    qt = pins.get("pyside6-essentials", "6")
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    openssl = _openssl_version()
    rows = [(dist.metadata["Name"], dist.version, _declared_licence(dist), _home(dist))
            for dist in dists.values()]
    rows += [
        ("PDFium（随 pypdfium2 附带的二进制库）", "", "BSD-3-Clause（另含 Apache-2.0 及所附第三方库许可证）",
         "https://pdfium.googlesource.com/pdfium/"),
        ("OpenSSL（静态链接在 cryptography 的二进制扩展中）", openssl, "Apache-2.0",
         "https://www.openssl-library.org/"),
        ("文泉驿微米黑 WenQuanYi Micro Hei（resources/fonts）", "0.2.0-beta", "Apache-2.0 或 GPL-3.0+（含字体例外）",
         "http://wenq.org/"),
        ("Python（打包版附带的运行环境）", python, "PSF-2.0", "https://www.python.org/"),
        ("PyInstaller 引导程序（打包版的启动程序）", "", "GPL-2.0+，附允许分发所生成程序的例外条款",
         "https://github.com/pyinstaller/pyinstaller"),
    ]
    lines = ["\ufeff值班台 DutyDesk 第三方组件声明（THIRD-PARTY NOTICES）", "",
             "值班台本身按 Apache License 2.0 许可（见 LICENSE）。安装包和离线安装包中同时分发下列",
             "第三方组件，各自按其许可证使用；许可证原文为英文，附于本文件后部。", "",
             "组件清单（名称 | 版本 | 许可证 | 源代码/主页）", "-" * 40]
    lines += [" | ".join(part or "—" for part in row) for row in rows]
    lines += ["", LGPL_SECTION.format(qt=qt), ""]
    text = "\n".join(lines)
    for name, dist in dists.items():
        title = f"{dist.metadata['Name']} {dist.version} — {_declared_licence(dist)}"
        files = _licence_files(dist)
        if not files and name in ("pyside6-essentials", "shiboken6"):
            text += _block(title, []) + "许可证：LGPL-3.0（全文见本文件末尾）\n\n"
            continue
        if not files:  # no licence file in the wheel (chinesecalendar): the declared MIT terms
            author = dist.metadata.get("Author") or dist.metadata["Name"]
            text += _block(title, []) + MIT_TEMPLATE.format(who=author) + "\n"
            continue
        text += _block(title, files)
    text += _block("PDFium 及其附带的第三方库（pypdfium2 的二进制部分）", _pdfium_files())
    text += _block(f"OpenSSL {openssl}（cryptography 的二进制部分）", []) + (
        "许可证：Apache License 2.0，全文见随附的 LICENSE 文件（与值班台本身的许可证相同）。\n\n")
    text += _block("文泉驿微米黑 WenQuanYi Micro Hei", [FONT_DIR / "LICENSE-wqy-microhei.txt"])
    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    text += _block(f"Python {python}", [python_licence] if python_licence.exists() else [])
    text += _block("GNU LGPL-3.0 与 GPL-3.0（Qt、PySide6、shiboken6）",
                   [COMMON_LICENSES / "LGPL-3", COMMON_LICENSES / "GPL-3"])
    return text


MIT_TEMPLATE = """\
MIT License

Copyright (c) {who}

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def main() -> int:
    NOTICES.write_text(render(), encoding="utf-8", newline="\n")
    print(f"written: {NOTICES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
