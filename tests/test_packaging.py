"""What an installed hdkg needs and does: declared dependencies, pymorphy3, no pkg_resources,
no silent vocabulary fallbacks, a `neo4j-local env` line that `eval` applies.
(scripts/check-install, run by `make test`, does the same for the built wheel in a clean venv.)"""

from __future__ import annotations

import ast
import importlib.metadata as md
import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib import resources
from pathlib import Path

import pytest

from hdkg.errors import OntologyError

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "hdkg"


def _sources() -> list[Path]:
    """hdkg's Python files, through the symlinked subpackages (Path.rglob does not follow them)."""
    return sorted(
        Path(d) / f for d, _, fs in os.walk(PACKAGE, followlinks=True) for f in fs if f.endswith(".py")
    )


#: Package modules behind an optional extra (they import it lazily, with a clear error without it).
EXTRA_USERS = {"hdkg/visual/browser.py": "test", "hdkg/dask_extract.py": "dask"}


def _declared(*extras: str) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [*project["dependencies"], *(n for e in extras for n in project["optional-dependencies"][e])]
    return {re.split(r"[<>=!~;\[ ]", n, maxsplit=1)[0].lower().replace("_", "-") for n in names}


def _imports() -> dict[str, set[str]]:
    """Top-level modules hdkg's own code imports (outside the standard library) -> the files importing them."""
    found: dict[str, set[str]] = {}
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in ("hdkg", "__future__"):
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_import_is_a_declared_dependency() -> None:
    dists = md.packages_distributions()
    declared = _declared("fast")
    missing = {}
    for module, where in _imports().items():
        owners = {d.lower().replace("_", "-") for d in dists.get(module, [])}
        extras = {EXTRA_USERS.get(w) for w in where}
        allowed = _declared("fast", *(e for e in extras if e)) if None not in extras else declared
        if not owners & allowed:
            missing[module] = (sorted(where), sorted(owners))
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"
    assert "lxml-html-clean" in declared  # trafilatura imports lxml.html.clean at run time


def test_natasha_gets_pymorphy3_and_nothing_loads_pkg_resources() -> None:
    code = (
        "import sys\n"
        "from hdkg.extraction import Extractor, morph\n"
        "from hdkg.loaders import iter_articles\n"
        f"[a] = [x for x in iter_articles([{str(next(PACKAGE.glob('demo/*.txt')))!r}])]\n"
        "Extractor().extract(a)\n"
        "base = type(morph._analyzer()).__mro__[1]\n"
        "assert base.__module__.startswith('pymorphy3.'), base.__module__\n"
        "assert sys.modules['pymorphy2'] is sys.modules['pymorphy3']\n"
        "assert 'pkg_resources' not in sys.modules\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]


def test_hdkg_modules_import_without_deprecation_warnings() -> None:
    """Python 3.12 readiness: nothing of hdkg's own uses an API the standard library deprecates."""
    modules = sorted(
        "hdkg." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for p in _sources()
        if p.name != "__init__.py" and "demo" not in p.parts
    )
    code = f"import importlib\nfor m in {modules!r}:\n    importlib.import_module(m)\n"
    run = subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning:hdkg", "-c", code], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr[-3000:]


@pytest.mark.parametrize(
    ("content", "message"),
    [("@prefix broken", "cannot read ontology file"), ("", "concept scheme hdkg:Specialties is empty")],
)
def test_a_broken_vocabulary_file_is_an_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, message: str
) -> None:
    from hdkg.graph import model
    from hdkg.ontology import vocab

    copy = tmp_path / "ontology"
    shutil.copytree(Path(str(resources.files("hdkg.ontology"))), copy)
    (copy / "specialties.ttl").write_text(content, encoding="utf-8")
    monkeypatch.setattr(vocab.resources, "files", lambda _pkg: copy)
    for cached in (vocab.ontology_graph, vocab._scheme):
        cached.cache_clear()
    try:
        with pytest.raises(OntologyError, match=message) as info:
            model.specialties()
        assert info.value.where in ("ontology/specialties.ttl", "ontology/")
    finally:
        for cached in (vocab.ontology_graph, vocab._scheme):
            cached.cache_clear()


def test_neo4j_local_env_exports_what_eval_applies(neo4j_env: dict[str, str]) -> None:
    """The README's `eval "$(scripts/neo4j-local env)"`, run in a subshell, exports NEO4J_URI."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["NEO4J_LOCAL_INSTANCE"] = f"pytest-{os.getpid()}"
    script = 'eval "$(scripts/neo4j-local env)" && python3 -c "import os; print(os.environ[\'NEO4J_URI\'])"'
    run = subprocess.run(["bash", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == neo4j_env["NEO4J_URI"]


@pytest.mark.parametrize(("content", "message"), [("", "non-empty mapping"), ("a: [", "cannot read lexicon")])
def test_a_broken_lexicon_file_is_an_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, message: str
) -> None:
    from hdkg.errors import ConfigError
    from hdkg.extraction import resources as res

    (tmp_path / "titles.yaml").write_text(content, encoding="utf-8")
    monkeypatch.setattr(res, "LEXICON", tmp_path)
    res.lexicon.cache_clear()
    try:
        with pytest.raises(ConfigError, match=message) as info:
            res.lexicon("titles")
        assert str(info.value.where).endswith("titles.yaml")
        with pytest.raises(ConfigError, match="No such file"):
            res.lexicon("missing")
    finally:
        res.lexicon.cache_clear()
