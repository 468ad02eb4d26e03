"""A small Open311 GeoReport v2 client written from the specification
(http://wiki.open311.org/GeoReport_v2/), not from our code: the addresses, the parameters
and the documents it expects are the specification's. It speaks JSON or XML over real HTTP
and returns the same Python structures for both, so a test can compare them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests
from defusedxml import ElementTree

# Elements whose children are a list (the specification's XML documents).
XML_LISTS = {
    "services",
    "service_requests",
    "errors",
    "endpoints",
    "formats",
    "attributes",
    "values",
}


# One connection a call: none is left open for the live server to close after the test.
CLOSE = {"Connection": "close"}


class GeoReportError(Exception):
    def __init__(self, status: int, errors: list[dict]) -> None:
        super().__init__(f"{status}: {errors}")
        self.status = status
        self.errors = errors


def _from_xml(element) -> Any:
    children = list(element)
    if element.tag in XML_LISTS:
        return [_from_xml(child) for child in children]
    if not children:
        return element.text
    return {child.tag: _from_xml(child) for child in children}


@dataclass
class GeoReportClient:
    base_url: str  # the endpoint's url from discovery, ending in "/"
    fmt: str = "json"
    jurisdiction_id: str | None = None
    api_key: str | None = None

    def _url(self, path: str) -> str:
        return f"{self.base_url}{path}.{self.fmt}"

    def _params(self, extra: dict[str, Any]) -> dict[str, Any]:
        params = {k: v for k, v in extra.items() if v is not None}
        if self.jurisdiction_id:
            params["jurisdiction_id"] = self.jurisdiction_id
        return params

    def _parse(self, response: requests.Response) -> Any:
        expected = "application/json" if self.fmt == "json" else "text/xml"
        assert response.headers["Content-Type"].startswith(expected), response.headers
        data = (
            response.json()
            if self.fmt == "json"
            else _from_xml(ElementTree.fromstring(response.content))
        )
        if response.status_code >= 400:
            raise GeoReportError(response.status_code, data)
        return data

    def get(self, path: str, **params: Any) -> Any:
        return self._parse(
            requests.get(self._url(path), params=self._params(params), headers=CLOSE, timeout=10)
        )

    def discovery(self) -> dict:
        return self.get("discovery")

    def services(self) -> list[dict]:
        return self.get("services")

    def service_definition(self, service_code: str) -> dict:
        return self.get(f"services/{service_code}")

    def requests(self, **params: Any) -> list[dict]:
        return self.get("requests", **params)

    def request(self, service_request_id: str) -> dict:
        (found,) = self.get(f"requests/{service_request_id}")
        return found

    def token(self, token: str) -> list[dict]:
        return self.get(f"tokens/{token}")

    def post_request(self, **params: Any) -> list[dict]:
        data = self._params({"api_key": self.api_key, **params})
        return self._parse(
            requests.post(self._url("requests"), data=data, headers=CLOSE, timeout=10)
        )
