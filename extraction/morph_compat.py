"""natasha and yargy import ``pymorphy2``; hdkg gives them ``pymorphy3`` under that name.

pymorphy2 is abandoned and loads its dictionaries through ``pkg_resources``,
which Python 3.12 and setuptools >= 82 no longer provide, so ``MorphVocab()``
fails there. pymorphy3 is its maintained fork with the same API and the same
lemmas and tags on our corpora (``tests/test_morph_compat.py``). natasha's
wheel still declares pymorphy2, so pip installs it, but nothing of hdkg ever
imports it: this finder answers every ``pymorphy2[.x]`` import with the
``pymorphy3[.x]`` module. It must be installed before natasha is imported,
which ``hdkg.extraction`` does on its own import.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
from types import ModuleType

OLD, NEW = "pymorphy2", "pymorphy3"


class _Pymorphy3AsPymorphy2(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(
        self, fullname: str, path: object = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname == OLD or fullname.startswith(OLD + "."):
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return importlib.import_module(NEW + spec.name[len(OLD) :])

    def exec_module(self, module: ModuleType) -> None:
        """The pymorphy3 module is already executed."""


def install() -> None:
    """Route ``pymorphy2`` imports to pymorphy3 (idempotent)."""
    if not any(isinstance(f, _Pymorphy3AsPymorphy2) for f in sys.meta_path):
        sys.meta_path.insert(0, _Pymorphy3AsPymorphy2())
