"""Rule IDs (D05, V09 …) are for code, docstrings and tests; no text a user can read carries one
(issue 13). Every string literal in the package that is not a docstring is checked; a literal
that is exactly a rule ID (``declare(..., "V04")``, ``LedgerSpec(..., "P06")``) is a code value."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import dutydesk

RULE_ID = re.compile(r"(?<![A-Za-z0-9#])[DVNPAG]\d{2}(?![0-9A-Za-z])")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            found.add(id(node.value))
    return found


def test_no_user_text_carries_a_rule_id():
    root = Path(dutydesk.__file__).parent
    bad = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
                    and RULE_ID.search(node.value) and not RULE_ID.fullmatch(node.value.strip())):
                bad.append(f"{path.relative_to(root)}:{node.lineno}: {node.value[:60]}")
    assert bad == []
