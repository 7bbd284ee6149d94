# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
from collections.abc import AsyncGenerator, Generator
from http import HTTPStatus
from typing import Any

import httpx

from ..._core.decoding.responses import api_error, decode_response
from ..._core.http.paths import expand
from ..._core.http.request import Channel, arequest, request
from ..._core.operation import Operation
from ..._core.paging import PageRules, aiter_items, aiter_pages, iter_items, iter_pages
from ..._schema import API_VERSION, OPERATION_IDS, OPERATIONS, SHAPES
from ...client import Client
from ...models.error_response import ErrorResponse
from ...models.get_package_response import GetPackageResponse
from ...types import UNSET, Response, Unset

OPERATION_ID = OPERATION_IDS["get_package"]  # the spec's operationId, sent as x-acs-action
PARAMETERS = OPERATIONS[OPERATION_ID].parameters  # what each argument may be (the request path checks them)


def _get_kwargs(
    project_name: str,
    package_name: str,
    *,
    region_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["RegionId"] = region_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": expand(
            "/api/v2/projects/{project_name}/packages/{package_name}",
            {
                "project_name": (project_name, "projectName"),
                "package_name": (package_name, "packageName"),
            },
        ),
        "params": params,
    }
    # ROA: the action and version travel as (signed) headers.
    _kwargs["headers"] = {**_kwargs.get("headers", {}), "x-acs-action": OPERATION_ID, "x-acs-version": API_VERSION}
    return _kwargs


def _parse_response(response: httpx.Response) -> GetPackageResponse:
    if response.status_code == 200:
        return decode_response(
            response,
            GetPackageResponse,
            "GetPackageResponse",
            SHAPES,
            error=(ErrorResponse, "ErrorResponse"),
        )
    if 400 <= response.status_code <= 499:
        raise api_error(response, ErrorResponse, "ErrorResponse", SHAPES)
    if 500 <= response.status_code <= 599:
        raise api_error(response, ErrorResponse, "ErrorResponse", SHAPES)
    raise api_error(response, None, None, SHAPES)


def _build_response(response: httpx.Response) -> Response[GetPackageResponse]:
    parsed = _parse_response(response)  # first: an unusual status raises the typed error
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


# What the core's request path runs: the spec's descriptor, the request builder and the answer parser.
OPERATION = Operation(OPERATIONS[OPERATION_ID], build=_get_kwargs, parse=_parse_response)


def sync_detailed(
    project_name: str,
    package_name: str,
    *,
    client: Client,
    region_id: str | Unset = UNSET,
) -> Response[GetPackageResponse]:
    """Describe a package.

    Returns one package of the project, by its name (获取Package详情).
    Source: alibaba-cloud-sdk-go services/foas/get_package.go (GetPackageRequest, GetPackageResponse).

    Args:
        project_name (str): Project name (项目名称). Sent percent-encoded as one path segment.
        package_name (str): Package name (Package名称), e.g. a jar file name. Sent percent-encoded as one path segment.
        region_id (str | Unset): Region ID (区域ID). Public-cloud users may omit it.

    Retried as ``client.retry`` says (default: 3 attempts within 10 s, as the client classes), each attempt
    signed afresh by the ``Client``'s httpx auth.

    Raises:
        foas_client.errors.ApiError: the service answered an error status (subclasses by kind), after the retries.
        foas_client.errors.DecodeError: the body does not match the spec (or is hostile XML).
        foas_client.errors.InvalidParameterError: an argument the spec does not allow; nothing was sent.
        foas_client.errors.TransportError: the request did not complete after the retries (TimeoutError for timeouts).

    Returns:
        Response[GetPackageResponse]: the status, headers, raw body and decoded model.
    """

    return request(
        OPERATION,
        dict(
            project_name=project_name,
            package_name=package_name,
            region_id=region_id,
        ),
        Channel.sync(client.get_httpx_client(), client.retry),
        parse=_build_response,
    )


def sync(
    project_name: str,
    package_name: str,
    *,
    client: Client,
    region_id: str | Unset = UNSET,
) -> GetPackageResponse:
    """Describe a package.

    Returns one package of the project, by its name (获取Package详情).
    Source: alibaba-cloud-sdk-go services/foas/get_package.go (GetPackageRequest, GetPackageResponse).

    Args:
        project_name (str): Project name (项目名称). Sent percent-encoded as one path segment.
        package_name (str): Package name (Package名称), e.g. a jar file name. Sent percent-encoded as one path segment.
        region_id (str | Unset): Region ID (区域ID). Public-cloud users may omit it.

    Retried as ``client.retry`` says (default: 3 attempts within 10 s, as the client classes), each attempt
    signed afresh by the ``Client``'s httpx auth.

    Raises:
        foas_client.errors.ApiError: the service answered an error status (subclasses by kind), after the retries.
        foas_client.errors.DecodeError: the body does not match the spec (or is hostile XML).
        foas_client.errors.InvalidParameterError: an argument the spec does not allow; nothing was sent.
        foas_client.errors.TransportError: the request did not complete after the retries (TimeoutError for timeouts).

    Returns:
        GetPackageResponse: the decoded model.
    """

    return request(
        OPERATION,
        dict(
            project_name=project_name,
            package_name=package_name,
            region_id=region_id,
        ),
        Channel.sync(client.get_httpx_client(), client.retry),
    )


async def asyncio_detailed(
    project_name: str,
    package_name: str,
    *,
    client: Client,
    region_id: str | Unset = UNSET,
) -> Response[GetPackageResponse]:
    """Describe a package.

    Returns one package of the project, by its name (获取Package详情).
    Source: alibaba-cloud-sdk-go services/foas/get_package.go (GetPackageRequest, GetPackageResponse).

    Args:
        project_name (str): Project name (项目名称). Sent percent-encoded as one path segment.
        package_name (str): Package name (Package名称), e.g. a jar file name. Sent percent-encoded as one path segment.
        region_id (str | Unset): Region ID (区域ID). Public-cloud users may omit it.

    Retried as ``client.retry`` says (default: 3 attempts within 10 s, as the client classes), each attempt
    signed afresh by the ``Client``'s httpx auth.

    Raises:
        foas_client.errors.ApiError: the service answered an error status (subclasses by kind), after the retries.
        foas_client.errors.DecodeError: the body does not match the spec (or is hostile XML).
        foas_client.errors.InvalidParameterError: an argument the spec does not allow; nothing was sent.
        foas_client.errors.TransportError: the request did not complete after the retries (TimeoutError for timeouts).

    Returns:
        Response[GetPackageResponse]: the status, headers, raw body and decoded model.
    """

    return await arequest(
        OPERATION,
        dict(
            project_name=project_name,
            package_name=package_name,
            region_id=region_id,
        ),
        Channel.asynchronous(client.get_async_httpx_client(), client.retry),
        parse=_build_response,
    )


async def asyncio(
    project_name: str,
    package_name: str,
    *,
    client: Client,
    region_id: str | Unset = UNSET,
) -> GetPackageResponse:
    """Describe a package.

    Returns one package of the project, by its name (获取Package详情).
    Source: alibaba-cloud-sdk-go services/foas/get_package.go (GetPackageRequest, GetPackageResponse).

    Args:
        project_name (str): Project name (项目名称). Sent percent-encoded as one path segment.
        package_name (str): Package name (Package名称), e.g. a jar file name. Sent percent-encoded as one path segment.
        region_id (str | Unset): Region ID (区域ID). Public-cloud users may omit it.

    Retried as ``client.retry`` says (default: 3 attempts within 10 s, as the client classes), each attempt
    signed afresh by the ``Client``'s httpx auth.

    Raises:
        foas_client.errors.ApiError: the service answered an error status (subclasses by kind), after the retries.
        foas_client.errors.DecodeError: the body does not match the spec (or is hostile XML).
        foas_client.errors.InvalidParameterError: an argument the spec does not allow; nothing was sent.
        foas_client.errors.TransportError: the request did not complete after the retries (TimeoutError for timeouts).

    Returns:
        GetPackageResponse: the decoded model.
    """

    return await arequest(
        OPERATION,
        dict(
            project_name=project_name,
            package_name=package_name,
            region_id=region_id,
        ),
        Channel.asynchronous(client.get_async_httpx_client(), client.retry),
    )


# Paging. Every endpoint module has these four functions: openapi-python-client hands the templates no
# vendor extension, so the rules are looked up when called, by operationId, in the spec's x-pagination
# (_schema.OPERATIONS); for an operation the spec does not paginate they raise PaginationError. The page
# and size arguments are the ones x-pagination names: the first page to read, and the page size.


def page_rules() -> PageRules:
    """This operation's x-pagination.

    Raises:
        foas_client.errors.PaginationError: the spec does not paginate this operation.
    """
    return PageRules.of(OPERATIONS[OPERATION_ID])


def sync_pages(
    project_name: str,
    package_name: str,
    *,
    client: Client,
    region_id: str | Unset = UNSET,
    concurrency: int = 1,
    max_pages: int | None = None,
) -> Generator[GetPackageResponse, None, None]:
    """Every page, in order, from the page argument's page (default: the first); see ``_paging.iter_pages``.

    Raises:
        foas_client.errors.PaginationError: the pages do not add up (a page repeated, totals changed...).
        And what ``sync`` raises, once the pages before were yielded.
    """
    return iter_pages(
        page_rules(),
        dict(
            project_name=project_name,
            package_name=package_name,
            region_id=region_id,
        ),
        lambda arguments: sync(client=client, **arguments),
        concurrency=concurrency,
        max_pages=max_pages,
    )


def sync_items(
    project_name: str,
    package_name: str,
    *,
    client: Client,
    region_id: str | Unset = UNSET,
    limit: int | None = None,
    concurrency: int = 1,
    max_pages: int | None = None,
) -> Generator[Any, None, None]:
    """Every item of every page, in the server's order, ``limit`` at most; see ``_paging.iter_items``."""
    return iter_items(
        page_rules(),
        dict(
            project_name=project_name,
            package_name=package_name,
            region_id=region_id,
        ),
        lambda arguments: sync(client=client, **arguments),
        limit=limit,
        concurrency=concurrency,
        max_pages=max_pages,
    )


def asyncio_pages(
    project_name: str,
    package_name: str,
    *,
    client: Client,
    region_id: str | Unset = UNSET,
    concurrency: int = 1,
    max_pages: int | None = None,
) -> AsyncGenerator[GetPackageResponse, None]:
    """The async twin of ``sync_pages``, for ``async for``."""
    return aiter_pages(
        page_rules(),
        dict(
            project_name=project_name,
            package_name=package_name,
            region_id=region_id,
        ),
        lambda arguments: asyncio(client=client, **arguments),
        concurrency=concurrency,
        max_pages=max_pages,
    )


def asyncio_items(
    project_name: str,
    package_name: str,
    *,
    client: Client,
    region_id: str | Unset = UNSET,
    limit: int | None = None,
    concurrency: int = 1,
    max_pages: int | None = None,
) -> AsyncGenerator[Any, None]:
    """The async twin of ``sync_items``, for ``async for``."""
    return aiter_items(
        page_rules(),
        dict(
            project_name=project_name,
            package_name=package_name,
            region_id=region_id,
        ),
        lambda arguments: asyncio(client=client, **arguments),
        limit=limit,
        concurrency=concurrency,
        max_pages=max_pages,
    )
