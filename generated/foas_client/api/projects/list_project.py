# Generated from spec/foas.openapi.yaml by generator/ (`make generate`). Do not edit: edit the source and regenerate.
from collections.abc import AsyncGenerator, Generator
from http import HTTPStatus
from typing import Any

import httpx

from ..._core.decoding.responses import api_error, decode_response
from ..._core.http.request import Channel, arequest, request
from ..._core.operation import Operation
from ..._core.paging import PageRules, aiter_items, aiter_pages, iter_items, iter_pages
from ..._schema import API_VERSION, OPERATION_IDS, OPERATIONS, SHAPES
from ...client import Client
from ...models.error_response import ErrorResponse
from ...models.list_project_response import ListProjectResponse
from ...types import UNSET, Response, Unset

OPERATION_ID = OPERATION_IDS["list_project"]  # the spec's operationId, sent as x-acs-action
PARAMETERS = OPERATIONS[OPERATION_ID].parameters  # what each argument may be (the request path checks them)


def _get_kwargs(
    *,
    region_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    cluster_id: str | Unset = UNSET,
    region: str | Unset = UNSET,
    deploy_type: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_index: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["RegionId"] = region_id

    params["name"] = name

    params["clusterId"] = cluster_id

    params["region"] = region

    params["deployType"] = deploy_type

    params["pageSize"] = page_size

    params["pageIndex"] = page_index

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v2/projects",
        "params": params,
    }
    # ROA: the action and version travel as (signed) headers.
    _kwargs["headers"] = {**_kwargs.get("headers", {}), "x-acs-action": OPERATION_ID, "x-acs-version": API_VERSION}
    return _kwargs


def _parse_response(response: httpx.Response) -> ListProjectResponse:
    if response.status_code == 200:
        return decode_response(
            response,
            ListProjectResponse,
            "ListProjectResponse",
            SHAPES,
            error=(ErrorResponse, "ErrorResponse"),
        )
    if 400 <= response.status_code <= 499:
        raise api_error(response, ErrorResponse, "ErrorResponse", SHAPES)
    if 500 <= response.status_code <= 599:
        raise api_error(response, ErrorResponse, "ErrorResponse", SHAPES)
    raise api_error(response, None, None, SHAPES)


def _build_response(response: httpx.Response) -> Response[ListProjectResponse]:
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
    *,
    client: Client,
    region_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    cluster_id: str | Unset = UNSET,
    region: str | Unset = UNSET,
    deploy_type: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_index: int | Unset = UNSET,
) -> Response[ListProjectResponse]:
    """List the projects.

    Returns, one page at a time, the Realtime Compute projects of the account (项目列表). Pages are 1-based.
    Source: alibaba-cloud-sdk-go services/foas/list_project.go (ListProjectRequest,
    ListProjectResponse).

    Args:
        region_id (str | Unset): Region ID (区域ID). Public-cloud users may omit it.
        name (str | Unset): Only the project of this name (项目名称).
        cluster_id (str | Unset): Only the projects of this cluster (集群ID).
        region (str | Unset): Only the projects of this region (项目所在区域).
        deploy_type (str | Unset): Only the projects of this deploy type (部署类型), e.g. cell or public.
        page_size (int | Unset): Number of projects per page (每页包含的项目数).
        page_index (int | Unset): Page to return, 1-based (返回第几页).

    Retried as ``client.retry`` says (default: 3 attempts within 10 s, as the client classes), each attempt
    signed afresh by the ``Client``'s httpx auth.

    Raises:
        foas_client.errors.ApiError: the service answered an error status (subclasses by kind), after the retries.
        foas_client.errors.DecodeError: the body does not match the spec (or is hostile XML).
        foas_client.errors.InvalidParameterError: an argument the spec does not allow; nothing was sent.
        foas_client.errors.TransportError: the request did not complete after the retries (TimeoutError for timeouts).

    Returns:
        Response[ListProjectResponse]: the status, headers, raw body and decoded model.
    """

    return request(
        OPERATION,
        dict(
            region_id=region_id,
            name=name,
            cluster_id=cluster_id,
            region=region,
            deploy_type=deploy_type,
            page_size=page_size,
            page_index=page_index,
        ),
        Channel.sync(client.get_httpx_client(), client.retry),
        parse=_build_response,
    )


def sync(
    *,
    client: Client,
    region_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    cluster_id: str | Unset = UNSET,
    region: str | Unset = UNSET,
    deploy_type: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_index: int | Unset = UNSET,
) -> ListProjectResponse:
    """List the projects.

    Returns, one page at a time, the Realtime Compute projects of the account (项目列表). Pages are 1-based.
    Source: alibaba-cloud-sdk-go services/foas/list_project.go (ListProjectRequest,
    ListProjectResponse).

    Args:
        region_id (str | Unset): Region ID (区域ID). Public-cloud users may omit it.
        name (str | Unset): Only the project of this name (项目名称).
        cluster_id (str | Unset): Only the projects of this cluster (集群ID).
        region (str | Unset): Only the projects of this region (项目所在区域).
        deploy_type (str | Unset): Only the projects of this deploy type (部署类型), e.g. cell or public.
        page_size (int | Unset): Number of projects per page (每页包含的项目数).
        page_index (int | Unset): Page to return, 1-based (返回第几页).

    Retried as ``client.retry`` says (default: 3 attempts within 10 s, as the client classes), each attempt
    signed afresh by the ``Client``'s httpx auth.

    Raises:
        foas_client.errors.ApiError: the service answered an error status (subclasses by kind), after the retries.
        foas_client.errors.DecodeError: the body does not match the spec (or is hostile XML).
        foas_client.errors.InvalidParameterError: an argument the spec does not allow; nothing was sent.
        foas_client.errors.TransportError: the request did not complete after the retries (TimeoutError for timeouts).

    Returns:
        ListProjectResponse: the decoded model.
    """

    return request(
        OPERATION,
        dict(
            region_id=region_id,
            name=name,
            cluster_id=cluster_id,
            region=region,
            deploy_type=deploy_type,
            page_size=page_size,
            page_index=page_index,
        ),
        Channel.sync(client.get_httpx_client(), client.retry),
    )


async def asyncio_detailed(
    *,
    client: Client,
    region_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    cluster_id: str | Unset = UNSET,
    region: str | Unset = UNSET,
    deploy_type: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_index: int | Unset = UNSET,
) -> Response[ListProjectResponse]:
    """List the projects.

    Returns, one page at a time, the Realtime Compute projects of the account (项目列表). Pages are 1-based.
    Source: alibaba-cloud-sdk-go services/foas/list_project.go (ListProjectRequest,
    ListProjectResponse).

    Args:
        region_id (str | Unset): Region ID (区域ID). Public-cloud users may omit it.
        name (str | Unset): Only the project of this name (项目名称).
        cluster_id (str | Unset): Only the projects of this cluster (集群ID).
        region (str | Unset): Only the projects of this region (项目所在区域).
        deploy_type (str | Unset): Only the projects of this deploy type (部署类型), e.g. cell or public.
        page_size (int | Unset): Number of projects per page (每页包含的项目数).
        page_index (int | Unset): Page to return, 1-based (返回第几页).

    Retried as ``client.retry`` says (default: 3 attempts within 10 s, as the client classes), each attempt
    signed afresh by the ``Client``'s httpx auth.

    Raises:
        foas_client.errors.ApiError: the service answered an error status (subclasses by kind), after the retries.
        foas_client.errors.DecodeError: the body does not match the spec (or is hostile XML).
        foas_client.errors.InvalidParameterError: an argument the spec does not allow; nothing was sent.
        foas_client.errors.TransportError: the request did not complete after the retries (TimeoutError for timeouts).

    Returns:
        Response[ListProjectResponse]: the status, headers, raw body and decoded model.
    """

    return await arequest(
        OPERATION,
        dict(
            region_id=region_id,
            name=name,
            cluster_id=cluster_id,
            region=region,
            deploy_type=deploy_type,
            page_size=page_size,
            page_index=page_index,
        ),
        Channel.asynchronous(client.get_async_httpx_client(), client.retry),
        parse=_build_response,
    )


async def asyncio(
    *,
    client: Client,
    region_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    cluster_id: str | Unset = UNSET,
    region: str | Unset = UNSET,
    deploy_type: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_index: int | Unset = UNSET,
) -> ListProjectResponse:
    """List the projects.

    Returns, one page at a time, the Realtime Compute projects of the account (项目列表). Pages are 1-based.
    Source: alibaba-cloud-sdk-go services/foas/list_project.go (ListProjectRequest,
    ListProjectResponse).

    Args:
        region_id (str | Unset): Region ID (区域ID). Public-cloud users may omit it.
        name (str | Unset): Only the project of this name (项目名称).
        cluster_id (str | Unset): Only the projects of this cluster (集群ID).
        region (str | Unset): Only the projects of this region (项目所在区域).
        deploy_type (str | Unset): Only the projects of this deploy type (部署类型), e.g. cell or public.
        page_size (int | Unset): Number of projects per page (每页包含的项目数).
        page_index (int | Unset): Page to return, 1-based (返回第几页).

    Retried as ``client.retry`` says (default: 3 attempts within 10 s, as the client classes), each attempt
    signed afresh by the ``Client``'s httpx auth.

    Raises:
        foas_client.errors.ApiError: the service answered an error status (subclasses by kind), after the retries.
        foas_client.errors.DecodeError: the body does not match the spec (or is hostile XML).
        foas_client.errors.InvalidParameterError: an argument the spec does not allow; nothing was sent.
        foas_client.errors.TransportError: the request did not complete after the retries (TimeoutError for timeouts).

    Returns:
        ListProjectResponse: the decoded model.
    """

    return await arequest(
        OPERATION,
        dict(
            region_id=region_id,
            name=name,
            cluster_id=cluster_id,
            region=region,
            deploy_type=deploy_type,
            page_size=page_size,
            page_index=page_index,
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
    *,
    client: Client,
    region_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    cluster_id: str | Unset = UNSET,
    region: str | Unset = UNSET,
    deploy_type: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_index: int | Unset = UNSET,
    concurrency: int = 1,
    max_pages: int | None = None,
) -> Generator[ListProjectResponse, None, None]:
    """Every page, in order, from the page argument's page (default: the first); see ``_paging.iter_pages``.

    Raises:
        foas_client.errors.PaginationError: the pages do not add up (a page repeated, totals changed...).
        And what ``sync`` raises, once the pages before were yielded.
    """
    return iter_pages(
        page_rules(),
        dict(
            region_id=region_id,
            name=name,
            cluster_id=cluster_id,
            region=region,
            deploy_type=deploy_type,
            page_size=page_size,
            page_index=page_index,
        ),
        lambda arguments: sync(client=client, **arguments),
        concurrency=concurrency,
        max_pages=max_pages,
    )


def sync_items(
    *,
    client: Client,
    region_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    cluster_id: str | Unset = UNSET,
    region: str | Unset = UNSET,
    deploy_type: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_index: int | Unset = UNSET,
    limit: int | None = None,
    concurrency: int = 1,
    max_pages: int | None = None,
) -> Generator[Any, None, None]:
    """Every item of every page, in the server's order, ``limit`` at most; see ``_paging.iter_items``."""
    return iter_items(
        page_rules(),
        dict(
            region_id=region_id,
            name=name,
            cluster_id=cluster_id,
            region=region,
            deploy_type=deploy_type,
            page_size=page_size,
            page_index=page_index,
        ),
        lambda arguments: sync(client=client, **arguments),
        limit=limit,
        concurrency=concurrency,
        max_pages=max_pages,
    )


def asyncio_pages(
    *,
    client: Client,
    region_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    cluster_id: str | Unset = UNSET,
    region: str | Unset = UNSET,
    deploy_type: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_index: int | Unset = UNSET,
    concurrency: int = 1,
    max_pages: int | None = None,
) -> AsyncGenerator[ListProjectResponse, None]:
    """The async twin of ``sync_pages``, for ``async for``."""
    return aiter_pages(
        page_rules(),
        dict(
            region_id=region_id,
            name=name,
            cluster_id=cluster_id,
            region=region,
            deploy_type=deploy_type,
            page_size=page_size,
            page_index=page_index,
        ),
        lambda arguments: asyncio(client=client, **arguments),
        concurrency=concurrency,
        max_pages=max_pages,
    )


def asyncio_items(
    *,
    client: Client,
    region_id: str | Unset = UNSET,
    name: str | Unset = UNSET,
    cluster_id: str | Unset = UNSET,
    region: str | Unset = UNSET,
    deploy_type: str | Unset = UNSET,
    page_size: int | Unset = UNSET,
    page_index: int | Unset = UNSET,
    limit: int | None = None,
    concurrency: int = 1,
    max_pages: int | None = None,
) -> AsyncGenerator[Any, None]:
    """The async twin of ``sync_items``, for ``async for``."""
    return aiter_items(
        page_rules(),
        dict(
            region_id=region_id,
            name=name,
            cluster_id=cluster_id,
            region=region,
            deploy_type=deploy_type,
            page_size=page_size,
            page_index=page_index,
        ),
        lambda arguments: asyncio(client=client, **arguments),
        limit=limit,
        concurrency=concurrency,
        max_pages=max_pages,
    )
