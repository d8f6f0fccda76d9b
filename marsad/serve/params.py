"""Query parameters of the API: declared once (types and bounds FastAPI checks, and the OpenAPI
schema shows), then checked by the CLI's own value checks (marsad.options), so a value the CLI
refuses the API refuses too, with a 422 naming the parameter.
"""
from __future__ import annotations

import base64
import binascii
from dataclasses import replace
from typing import Annotated, Any

import orjson
from fastapi import Query, Request
from fastapi.exceptions import RequestValidationError

from marsad.options import (
    MAX_COUNT, ValueProblem, checked_claim_filter, checked_event_filter, count_dimensions, text_value,
)
from marsad.store.query import ClaimFilter, EventFilter

DEFAULT_PAGE = 50
MAX_PAGE = 500          # rows per page at most
MAX_TEXT = 200          # characters of a free-text value (a name, a query)
MAX_OFFSET = 10_000     # ranked lists (search, actors) page by position up to here
MAX_CURSOR = 1_000      # characters of a cursor


def refuse(param: str, message: str) -> RequestValidationError:
    """A 422 in FastAPI's own shape: `detail[0].loc` names the parameter, `msg` says why."""
    return RequestValidationError([{"loc": ("query", param), "msg": message, "type": "value_error"}])


def problem_param(exc: ValueProblem) -> str:
    """The API parameter a CLI value problem is about (`--min-reports` → `min_reports`)."""
    option = exc.param or str(exc).split(":", 1)[0].split(" ", 1)[0]
    return option.removeprefix("--").replace("-", "_") if option.startswith("--") else "value"


def api_message(exc: ValueProblem) -> str:
    """The CLI's message, naming the parameter as the API spells it."""
    text = " ".join(str(exc).split())
    option = exc.param or text.split(":", 1)[0].split(" ", 1)[0]
    if not option.startswith("--"):
        return text
    name = problem_param(exc)
    return text.replace(option, name, 1) if text.startswith(option) else f"{name}: {text}"


def known_params(request: Request) -> None:
    """A parameter the route does not take is refused, not ignored: `?typ=ACCUSE` would
    otherwise answer with every event."""
    route = request.scope.get("route")
    if route is None or not hasattr(route, "dependant"):
        return
    allowed = _query_names(route.dependant)
    for name in request.query_params:
        if name not in allowed:
            raise refuse(name, f"unknown parameter {name!r} (this route takes: {', '.join(sorted(allowed)) or 'none'})")


def _query_names(dependant: Any) -> set[str]:
    """The query parameters a route takes, its dependencies' too."""
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Rows per page (at most {MAX_PAGE}).")]
Cursor = Annotated[str | None, Query(max_length=MAX_CURSOR,
                                     description="The `next` value of the previous page; absent for the first page.")]
Since = Annotated[str | None, Query(max_length=10, description="From this date (YYYY-MM-DD, YYYY-MM or YYYY), inclusive.")]
Until = Annotated[str | None, Query(max_length=10, description="Up to this date (YYYY-MM-DD, YYYY-MM or YYYY), inclusive.")]
Outlet = Annotated[str | None, Query(max_length=MAX_TEXT, description="Outlet(s), comma-separated: a stored source name or words of it.")]


def event_filter(
    type: Annotated[str | None, Query(max_length=MAX_TEXT, description="PLOVER type(s), comma-separated.")] = None,  # noqa: A002
    mode: Annotated[str | None, Query(max_length=50, description="PLOVER mode (of `type`, when given).")] = None,
    source: Annotated[str | None, Query(max_length=MAX_TEXT, description="Source actor: Arabic text, English name, actor id or country code.")] = None,
    target: Annotated[str | None, Query(max_length=MAX_TEXT, description="Target actor, as `source`.")] = None,
    country: Annotated[str | None, Query(max_length=100, description="Country of the event's place: ISO3 code, English or Arabic name.")] = None,
    place: Annotated[str | None, Query(max_length=MAX_TEXT, description="Place name (Arabic or English).")] = None,
    near: Annotated[str | None, Query(max_length=100, description="LAT,LON,KM: places within KM km.")] = None,
    since: Since = None,
    until: Until = None,
    hedged: Annotated[bool | None, Query(description="Only hedged (true) or unhedged (false) events.")] = None,
    negated: Annotated[bool | None, Query(description="Only negated (true) or affirmed (false) events.")] = None,
    min_reports: Annotated[int, Query(ge=1, le=MAX_COUNT, description="Events reported by at least N articles (after dedup).")] = 1,
    outlet: Outlet = None,
) -> EventFilter:
    """The filters of `marsad events`, with its checks and its meaning (marsad.options.checked_event_filter)."""
    try:
        return checked_event_filter(type, mode, source, target, country, place, near, since, until, hedged,
                                    negated, min_reports, outlet)
    except ValueProblem as exc:
        raise refuse(problem_param(exc), api_message(exc)) from None


def claim_filter(
    speaker: Annotated[str | None, Query(max_length=MAX_TEXT, description="Speaker: Arabic text, English name, actor id or country code.")] = None,
    since: Since = None,
    until: Until = None,
    text: Annotated[str | None, Query(max_length=MAX_TEXT, description="Words the claim's content contains (Arabic folded).")] = None,
    outlet: Outlet = None,
) -> ClaimFilter:
    """The filters of `marsad claims`, with its checks (marsad.options.checked_claim_filter)."""
    try:
        return checked_claim_filter(speaker, since, until, text, outlet)
    except ValueProblem as exc:
        raise refuse(problem_param(exc), api_message(exc)) from None


def count_by(value: str, param: str = "by") -> list[str]:
    try:
        return count_dimensions(value)
    except ValueProblem as exc:
        raise refuse(param, " ".join(str(exc).split()).replace("--by", param, 1)) from None


def checked_text(value: str, param: str) -> str:
    try:
        return text_value(value, param) or ""
    except ValueProblem as exc:
        raise refuse(param, str(exc)) from None


def page_filter(f: Any, limit: int) -> Any:
    """`f` fetching one row more than a page: the extra row says there is a next page."""
    return replace(f, limit=limit + 1)


# -- cursors: opaque to clients, base64url of a JSON array -------------------------------------

def encode_cursor(key: list | tuple) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(list(key))).decode("ascii").rstrip("=")


def _decode(value: str) -> Any:
    try:
        return orjson.loads(base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)))
    except (binascii.Error, ValueError, orjson.JSONDecodeError):
        return None


def path_id(value: str, param: str) -> str:
    """An id from the URL path: PostgreSQL cannot hold a NUL, so one is refused, not sent."""
    if "\x00" in value:
        raise RequestValidationError([{"loc": ("path", param), "msg": f"{param}: the value contains a NUL character",
                                       "type": "value_error"}])
    return value


def row_cursor(value: str | None) -> tuple[str, str, int] | None:
    """The (date, article id, index) key of an event or claim cursor."""
    if value is None:
        return None
    key = _decode(value)
    if (isinstance(key, list) and len(key) == 3 and isinstance(key[0], str) and isinstance(key[1], str)
            and "\x00" not in key[0] + key[1]
            and isinstance(key[2], int) and not isinstance(key[2], bool) and 0 <= key[2] <= MAX_COUNT):
        return key[0], key[1], key[2]
    raise refuse("cursor", "not a cursor of this route: pass the `next` value of the previous page unchanged")


def offset_cursor(value: str | None, deepest: int = MAX_OFFSET) -> int:
    """The position a ranked list (search, actors) resumes at, at most `deepest`."""
    if value is None:
        return 0
    key = _decode(value)
    if isinstance(key, list) and len(key) == 1 and isinstance(key[0], int) and not isinstance(key[0], bool) \
            and 0 < key[0] <= deepest:
        return key[0]
    raise refuse("cursor", "not a cursor of this route: pass the `next` value of the previous page unchanged")
