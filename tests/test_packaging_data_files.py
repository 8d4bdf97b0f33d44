"""Every file the package reads at run time ships in the wheel: each non-Python file under
``src/rasd`` matches a ``[tool.setuptools.package-data]`` pattern (schema.sql once did not)."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch

from conftest import REPO


def test_packaging_every_data_file_is_declared():
    patterns = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["rasd"]
    root = REPO / "src" / "rasd"
    files = [p.relative_to(root).as_posix() for p in root.rglob("*")
             if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts]
    assert files, "no data files found"
    undeclared = [f for f in files if not any(fnmatch(f, pat) for pat in patterns)]
    assert undeclared == []
