"""The public API: what `marsad` exports, typed and documented, loaded on first use."""
from __future__ import annotations

import inspect
import subprocess
import sys

import marsad


def test_every_exported_name_resolves_and_is_documented():
    for name in marsad.__all__:
        value = getattr(marsad, name)
        if name != "__version__":
            doc = inspect.getdoc(value) or ""
            assert doc and not doc.startswith(f"{name}("), f"marsad.{name} has no docstring of its own"
    assert {"extract", "Pipeline", "Doc", "Event", "Claim", "Mention", "Place", "Quantity", "open_store",
            "StageError", "PipelineError"} <= set(marsad.__all__)
    assert marsad.Pipeline is __import__("marsad.pipeline").pipeline.Pipeline


def test_extract_is_typed():
    hints = inspect.get_annotations(marsad.extract, eval_str=False)
    assert hints["return"] == "Doc" and hints["text"] == "str" and hints["date"] == "str | None"


def test_import_marsad_loads_no_pipeline():
    code = "import sys, marsad; print(any(m in sys.modules for m in ('marsad.pipeline', 'numpy', 'typer')))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"


def test_an_unknown_name_is_an_attribute_error():
    try:
        marsad.Nothing  # noqa: B018
    except AttributeError as exc:
        assert "has no attribute 'Nothing'" in str(exc)
    else:
        raise AssertionError("marsad.Nothing resolved")


def test_the_api_runs_a_custom_pipeline_on_record_types():
    from marsad.entities.mentions import MentionFinder
    from marsad.text.stages import Sentencizer, Tokenizer

    pipe = marsad.Pipeline([Tokenizer(), Sentencizer(), MentionFinder()])
    doc = pipe(marsad.ArticleInput(id="x", title="", text="اتهمت روسيا الولايات المتحدة."))
    assert isinstance(doc, marsad.Doc) and all(isinstance(m, marsad.Mention) for m in doc.mentions)
    assert [m.text for m in doc.mentions] == ["روسيا", "الولايات المتحدة"]
