"""`marsad train ner` and `marsad eval ner` (registered from marsad/cli.py)."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


def train_ner_command(
    data: Annotated[Path, typer.Option(help="The shared data directory (holds ner/, corpora/, gazetteers/).")] = DEFAULT_DATA,
    out: Annotated[Optional[Path], typer.Option(help="Model file to write (clusters and name flags go beside it); default: the packaged model.")] = None,
    aqmar: Annotated[bool, typer.Option("--aqmar/--no-aqmar", help="Also train on AQMAR's train file.")] = False,
    news: Annotated[bool, typer.Option("--news/--no-news", help="Also train on Marsad's annotated news "
                                       "(annotations/ner/train_pool.jsonl, texts joined from --data).")] = True,
    news_weight: Annotated[Optional[float], typer.Option(help="How often the news is seen: whole copies, then a "
                                                         "share of its articles (default: the chosen weight).")] = None,
    annotations: Annotated[Optional[Path], typer.Option(help="The news annotation file (default: the committed one).")] = None,
) -> None:
    """Train the NER tagger (clusters, name flags and CRF) deterministically."""
    from marsad.ner.annotations import NEWS_ANNOTATIONS, NewsAnnotationError
    from marsad.ner.train import TrainConfig, train_ner

    try:
        import pycrfsuite  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError as exc:
        raise typer.BadParameter(f"training needs the 'train' extra ({exc.name} is missing): "
                                 "pip install 'marsad[train]'") from exc

    if not (data / "ner").is_dir():
        raise typer.BadParameter(f"{data}: no ner/ directory here", param_hint="--data")
    if out is not None and out.is_dir():
        raise typer.BadParameter(f"{out} is a directory (give the model file to write)", param_hint="--out")
    if news_weight is not None and news_weight < 0:
        raise typer.BadParameter(f"{news_weight} is negative", param_hint="--news-weight")
    weight = 0.0 if not news else TrainConfig().news_weight if news_weight is None else news_weight
    annotations = annotations or NEWS_ANNOTATIONS
    if weight > 0 and not annotations.is_file():
        raise typer.BadParameter(f"{annotations}: no such file", param_hint="--annotations")
    try:
        report = train_ner(data, out, TrainConfig(aqmar=aqmar, news_weight=weight), news_annotations=annotations)
    except NewsAnnotationError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    size = report.model.stat().st_size / 1e6
    typer.echo(f"trained on {report.sentences} sentences ({report.tokens} tokens) in {report.seconds:.0f} s; "
               f"{report.features} features; model {report.model} ({size:.1f} MB)")


def eval_ner(
    conll: Annotated[Optional[Path], typer.Argument(help="CoNLL file (token tag per line, blank line between sentences).")] = None,
    model: Annotated[Optional[Path], typer.Option(help="Model file; default: the packaged model.")] = None,
    dev: Annotated[bool, typer.Option("--dev", help="Score the committed dev split of ANERcorp.")] = False,
    data: Annotated[Path, typer.Option(help="Shared data directory (for --dev).")] = DEFAULT_DATA,
    spread: Annotated[bool, typer.Option("--spread/--no-spread", help="Give names to their untagged repeats "
                                         "in the sentences around them, as the pipeline does in an article.")] = True,
) -> None:
    """Entity-level P/R/F1 of the NER tagger (exact span and type, conlleval rules), overall and per type.

    A CoNLL file has no document marks, so each sentence's document is taken
    to be the SPREAD_WINDOW sentences before and after it (text only, never tags)."""
    from marsad.ner.conll import ConllError, Split, read_conll
    from marsad.ner.decode import Decoder
    from marsad.ner.discourse import SPREAD_WINDOW
    from marsad.ner.evaluate import format_score, score
    from marsad.ner.model import CrfWeights, ModelError, default_weights
    from marsad.ner.train import SPLIT_FILE

    if (conll is None) == (not dev):
        raise typer.BadParameter("give a CONLL_FILE or --dev (not both)", param_hint="CONLL/--dev")
    if dev and not (data / "ner").is_dir():
        raise typer.BadParameter(f"{data}: no ner/ directory here", param_hint="--data")
    try:
        sentences = Split.load(SPLIT_FILE).apply(data)[1] if dev else read_conll(conll)
        weights = CrfWeights.load(model) if model else default_weights()
    except (ConllError, ModelError) as exc:
        typer.echo(f"error: {' '.join(str(exc).split())}", err=True)
        raise typer.Exit(2) from None
    tags = Decoder(weights).tag_sentences([s.words for s in sentences], spread=spread, window=SPREAD_WINDOW)
    how = f"names spread within ±{SPREAD_WINDOW} sentences" if spread else "sentences alone"
    typer.echo(f"# {'dev split' if dev else conll}: {len(sentences)} sentences ({how})")
    typer.echo(format_score(score((s.tags, t) for s, t in zip(sentences, tags))))

