"""Review in the browser: `marsad serve --allow-review` (never the default) lets the web app reject,
confirm or correct an event through the store's review functions (marsad.store.review), each
recorded with who and when.

Writes are POSTs with their values in the query string (the API still takes no request body) and
the header `X-Marsad-Review: 1`: a page on another site can make a browser POST a form here, but
not add a header without a CORS preflight this server never grants. Without the flag every write
is a 403. The reviewer's name is the server's (`--reviewer`, default $USER) or, behind a proxy that
logs users in, the header the proxy sets (`--reviewer-header X-Remote-User`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query, Request

from marsad.serve.params import MAX_TEXT

router = APIRouter(prefix="/api/review")
REVIEW_HEADER = "x-marsad-review"
EventId = Annotated[str, Path(max_length=MAX_TEXT, description="ARTICLE_ID#N, `#` written %23.")]
ArticleId = Annotated[str, Path(max_length=MAX_TEXT, description="The article's id, as /api/articles/{id} takes it.")]
Value = Annotated[str | None, Query(max_length=MAX_TEXT)]


@dataclass(frozen=True, slots=True)
class ReviewConfig:
    """What `--allow-review` turns on: the store written to and where the reviewer's name comes from."""

    db: str | None
    reviewer: str | None = None       # the name recorded (None: $USER of the server)
    reviewer_header: str | None = None  # the header a proxy sets with the logged-in user's name


def _config(request: Request) -> ReviewConfig:
    config = request.app.state.review
    if config is None:
        raise HTTPException(403, "review is off: this server was started without --allow-review")
    return config


def _who(request: Request, note: str | None):  # noqa: ANN202
    from marsad.store.review import Who

    config = _config(request)
    if request.headers.get(REVIEW_HEADER) != "1":
        raise HTTPException(403, "a review request carries the header X-Marsad-Review: 1")
    name = config.reviewer
    if config.reviewer_header:
        name = (request.headers.get(config.reviewer_header) or "").strip()
        if not name:
            raise HTTPException(403, f"no {config.reviewer_header} header: the proxy in front names the reviewer")
    return Who(name[:MAX_TEXT] if name else None, note)


def _write(request: Request, note: str | None, action) -> dict:  # noqa: ANN001
    """Run one review function on a writer connection of its own; a refused value is a 422."""
    from marsad.store import open_store
    from marsad.store.review import describe
    from marsad.store.review_values import ReviewError

    who = _who(request, note)
    try:
        with open_store(request.app.state.review.db, create=False) as store:
            done = action(store, who)
    except ReviewError as exc:
        raise HTTPException(422, str(exc)) from None
    c = done.correction
    return {"review": c.id, "action": c.action, "reviewer": c.reviewer, "at": c.at, "status": done.status,
            "item_id": done.item_id, "described": describe(done)}


@router.get("", summary="Whether this server takes reviews (--allow-review) and whose name it records")
def review_state(request: Request) -> dict:
    config = request.app.state.review
    if config is None:
        return {"enabled": False, "reviewer": None}
    from marsad.store.review import Who

    return {"enabled": True, "reviewer": None if config.reviewer_header else Who(config.reviewer).name(),
            "reviewer_header": config.reviewer_header}


@router.post("/reject/{event_id:path}", summary="Reject an event (it leaves queries and exports)")
def reject_event(request: Request, event_id: EventId, note: Value = None) -> dict:
    from marsad.store.review import reject

    return _write(request, note, lambda store, who: reject(store, event_id, who))


@router.post("/confirm/{event_id:path}", summary="Confirm an event as right")
def confirm_event(request: Request, event_id: EventId, note: Value = None) -> dict:
    from marsad.store.review import confirm

    return _write(request, note, lambda store, who: confirm(store, event_id, who))


@router.post("/change/{event_id:path}", summary="Change an event's type, source, target, date or place")
def change_event(request: Request, event_id: EventId, type: Value = None, source: Value = None,  # noqa: A002
                 target: Value = None, date: Value = None, place: Value = None, note: Value = None) -> dict:
    from marsad.store.review import change

    return _write(request, note, lambda store, who: change(store, event_id, who, type=type, source=source,
                                                           target=target, date=date, place=place))


@router.post("/add/{article_id:path}", summary="Add an event the pipeline missed (its trigger: START:END or words "
             "found once in the text)")
def add_event(request: Request, article_id: ArticleId, type: Annotated[str, Query(max_length=MAX_TEXT)],  # noqa: A002
              trigger: Annotated[str, Query(max_length=MAX_TEXT)], source: Value = None, target: Value = None,
              date: Value = None, place: Value = None, note: Value = None) -> dict:
    from marsad.store.review import add

    return _write(request, note, lambda store, who: add(store, article_id, type, trigger, who, source=source,
                                                        target=target, date=date, place=place))
