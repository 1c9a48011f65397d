"""工具 menu entries of the duty feature."""

from __future__ import annotations
