"""The command line in Chinese: argparse's own messages (usage, invalid choice, missing argument)
and the operating system's errors, which otherwise reach staff in English."""

from __future__ import annotations

import argparse
import errno
import re
import sys
from typing import NoReturn

# argparse's English messages (Python 3.9-3.13), most specific first.
_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^the following arguments are required: (.+)$"), "缺少必需的参数：{0}"),
    (re.compile(r"^argument (.+?): invalid choice: (.+?) \(choose from (.+)\)$"), "参数 {0} 的值 {1} 无效，可选：{2}"),
    (re.compile(r"^argument (.+?): invalid int value: (.+)$"), "参数 {0} 应为整数：{1}"),
    (re.compile(r"^argument (.+?): invalid float value: (.+)$"), "参数 {0} 应为数字：{1}"),
    (re.compile(r"^argument (.+?): invalid \w+ value: (.+)$"), "参数 {0} 的值无效：{1}"),
    (re.compile(r"^argument (.+?): expected one argument$"), "参数 {0} 后面缺少值"),
    (re.compile(r"^argument (.+?): expected at least one argument$"), "参数 {0} 后面至少要有一个值"),
    (re.compile(r"^argument (.+?): expected (.+) arguments?$"), "参数 {0} 后面应有 {1} 个值"),
    (re.compile(r"^argument (.+?): not allowed with argument (.+)$"), "参数 {0} 不能与 {1} 同时使用"),
    (re.compile(r"^argument (.+?): ignored explicit argument (.+)$"), "参数 {0} 不接受值：{1}"),
    (re.compile(r"^one of the arguments (.+) is required$"), "须在以下参数中选择一个：{0}"),
    (re.compile(r"^unrecognized arguments: (.+)$"), "无法识别的参数：{0}"),
    (re.compile(r"^ambiguous option: (.+?) could match (.+)$"), "选项 {0} 不明确，可能是：{1}"),
]
_HELP_WORDS = (
    ("usage: ", "用法："),
    ("positional arguments:", "位置参数："),
    ("optional arguments:", "选项："),
    ("options:", "选项："),
    ("show this help message and exit", "显示本帮助并退出"),
    ("show program's version number and exit", "显示版本号并退出"),
)


def translate_argparse(message: str) -> str:
    for pattern, text in _MESSAGES:
        match = pattern.match(message.strip())
        if match:
            return text.format(*match.groups())
    return message


def _chinese_help(text: str) -> str:
    for english, chinese in _HELP_WORDS:
        text = text.replace(english, chinese)
    return text


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose usage, help and errors read in Chinese (subcommands inherit it)."""

    def format_usage(self) -> str:
        return _chinese_help(super().format_usage())

    def format_help(self) -> str:
        return _chinese_help(super().format_help())

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"参数错误：{translate_argparse(message)}\n输入 {self.prog} -h 查看用法。\n")


_ERRNO_TEXT = {
    errno.ENOENT: "文件不存在",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "磁盘是只读的",
    errno.EEXIST: "文件已存在",
    errno.EBUSY: "文件正被其他程序使用",
    errno.EIO: "读写出错（U盘或磁盘可能已拔出或损坏）",
    errno.ENAMETOOLONG: "文件名太长",
}


def os_error_text(exc: OSError, with_name: bool = True) -> str:
    """An operating-system error as one Chinese line naming the file, e.g. 文件不存在：D:\\a.csv."""
    what = _ERRNO_TEXT.get(exc.errno or 0)
    if what is None:
        if isinstance(exc, PermissionError):
            what = "没有权限"
        elif isinstance(exc, FileNotFoundError):
            what = "文件不存在"
        else:
            what = f"无法读写文件（系统错误 {exc.errno}）" if exc.errno else "无法读写文件"
    name = exc.filename if exc.filename is not None else ""
    return f"{what}：{name}" if name and with_name else what
