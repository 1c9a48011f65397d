"""Users read only Chinese: no rule number (D05, V09...) in a message, label, hint or paper.

Every Chinese string in the package outside docstrings is checked: a rule ID belongs in code,
docstrings and tests (``grep -ri d05 tests/``), never in what a user reads."""

from __future__ import annotations

import ast
import pathlib
import re

import dutydesk

RULE_ID = re.compile(r"(?<![A-Za-z0-9_])[DVNPAG]\d{2}(?![0-9])")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _user_strings(path: pathlib.Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                and CJK.search(node.value)):
            yield node.lineno, node.value


def test_no_rule_ids_in_what_users_read():
    root = pathlib.Path(dutydesk.__file__).parent
    found = [f"{path.relative_to(root)}:{line}: {text[:60]}"
             for path in sorted(root.rglob("*.py")) if "migrations" not in path.parts
             for line, text in _user_strings(path) if RULE_ID.search(text)]
    assert found == []
