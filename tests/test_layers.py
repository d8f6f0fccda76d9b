"""The package's layers: text → grammar → stages → pipeline → store/export/cli.

Every import in every module of `marsad` (read with `ast`, so imports inside
functions count too) must point down the layers or stay in its own layer; an
import that runs up is a failure unless it is listed in `ALLOWED_UP` with its
reason. The modules below the stages must also import no stage lazily, and no
two modules may import each other round a circle, so the circles the grammar
layer broke cannot come back.
"""
from __future__ import annotations

import ast
from pathlib import Path

import marsad

PACKAGE = Path(marsad.__file__).resolve().parent

# (layer, module prefixes); a module belongs to the layer of its longest prefix.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # the text and the data model over it (Doc, Token, Mention …), and the data files
    ("text", ("marsad.text", "marsad.types", "marsad.doc", "marsad.resources",
              # the shipped data files' hash and the binary cache of tables built from them
              "marsad.shipped", "marsad.cache")),
    ("grammar", ("marsad.grammar", "marsad.rules")),
    ("stages", ("marsad.entities", "marsad.claims", "marsad.events", "marsad.ground", "marsad.ner",
                "marsad.names", "marsad.learn")),
    ("pipeline", ("marsad.pipeline", "marsad.batch", "marsad.limits", "marsad.io", "marsad.version", "marsad.parallel")),
    ("top", ("marsad", "marsad.store", "marsad.export", "marsad.cli", "marsad.options", "marsad.eval",
             "marsad.dedup", "marsad.__main__",
             # the commands and trainers of a stage sit beside it but run it from outside
             "marsad.ner.cli", "marsad.ner.train", "marsad.ner.evaluate", "marsad.names.cli",
             "marsad.names.train", "marsad.names.evaluate", "marsad.learn.train", "marsad.learn.cli", "marsad.ner.annotations")),
)
RANK = {name: k for k, (name, _) in enumerate(LAYERS)}

# (importer, imported) pairs allowed to run up the layers, each with its reason.
ALLOWED_UP: dict[tuple[str, str], str] = {
    ("marsad.doc", "marsad.claims.index"):
        "Doc.claim_index() builds the claims' lookup lazily for the stages after claims",
    ("marsad.learn.data", "marsad.eval.scoring"):
        "the learned event models align their training examples to gold with the scorer's role matcher",
}

# Circles of modules importing each other, in the layers up to the stages,
# that are known and accepted, with the reason.
ALLOWED_CIRCLES: dict[frozenset[str], str] = {
    frozenset({"marsad.resources", "marsad.text.normalize"}):
        "read_words folds the words it loads (a lazy import) and normalize loads its character map as a resource",
}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> str:
    best, best_len = "", -1
    for name, prefixes in LAYERS:
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and len(p) > best_len:
                best, best_len = name, len(p)
    assert best, f"{module} is in no layer: add it to LAYERS in {__file__}"
    return best


def imports_of(path: Path, module: str) -> set[str]:
    """The marsad modules a file imports, at the top or inside functions (not
    under TYPE_CHECKING, which runs nothing)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    found: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "marsad")
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            if base.split(".")[0] != "marsad":
                continue
            for a in node.names:  # `from marsad.ground import dates` imports a module
                sub = f"{base}.{a.name}"
                found.add(sub if (PACKAGE.parent / sub.replace(".", "/")).with_suffix(".py").exists()
                          or (PACKAGE.parent / sub.replace(".", "/")).is_dir() else base)
    found.discard(module)
    return found


def import_graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p, module_name(p)) for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_has_a_layer():
    for module in import_graph():
        layer_of(module)


def test_no_import_runs_up_the_layers():
    upward = []
    for module, imported in import_graph().items():
        for target in imported:
            if target == "marsad" or (module, target) in ALLOWED_UP:
                continue  # `from marsad import __version__`: the package's version string
            if RANK[layer_of(target)] > RANK[layer_of(module)]:
                upward.append(f"{module} ({layer_of(module)}) imports {target} ({layer_of(target)})")
    assert not upward, "imports that run up the layers:\n" + "\n".join(sorted(upward))


def test_allowed_exceptions_are_still_needed():
    graph = import_graph()
    stale = [pair for pair in ALLOWED_UP if pair[1] not in graph.get(pair[0], set())]
    assert not stale, f"ALLOWED_UP lists imports that no longer exist: {stale}"


def test_grammar_imports_no_stage():
    graph = import_graph()
    grammar = [m for m in graph if layer_of(m) == "grammar"]
    assert grammar, "marsad.grammar has modules"
    for module in grammar:
        assert all(RANK[layer_of(t)] <= RANK["grammar"] for t in graph[module] if t != "marsad"), module


def circles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(frozenset(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_circles_below_the_pipeline():
    """No circles in the text, grammar and stage layers (the old 7-file circle
    ran through syntax.py, syntax_words.py, entities/ and events/)."""
    graph = import_graph()
    low = {m: {t for t in ts if RANK.get(layer_of(t), 99) <= RANK["stages"]}
           for m, ts in graph.items() if RANK[layer_of(m)] <= RANK["stages"]}
    found = [c for c in circles(low) if c not in ALLOWED_CIRCLES]
    assert not found, "modules importing each other round a circle:\n" + "\n".join(
        ", ".join(sorted(c)) for c in found)


def test_the_walk_sees_lazy_and_relative_imports(tmp_path):
    """Imports inside functions count (the old circle hid there), relative ones
    resolve, and those under TYPE_CHECKING (which run nothing) do not count."""
    source = tmp_path / "mod.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "from . import words\n"
        "if TYPE_CHECKING:\n"
        "    from marsad.pipeline import Pipeline\n"
        "def f():\n"
        "    from marsad.entities.mentions import MentionFinder\n"
        "    import marsad.claims.claims\n", encoding="utf-8")
    assert imports_of(source, "marsad.grammar.mod") == {
        "marsad.grammar.words", "marsad.entities.mentions", "marsad.claims.claims"}
