"""Domain errors of the emulator: each carries the wire status and the API's own message.

The API (a NestJS application) answers errors as
``{"statusCode": 400, "error": "Bad Request", "message": ...}`` where ``message`` is a list of
strings for request validation and a single string otherwise.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

__all__ = ["ApiError", "BadRequest", "NotFound", "Unauthorized", "UnsupportedMediaType"]


class ApiError(Exception):
    """An error answer of the emulated API."""

    def __init__(self, status: int, message: str | list[str]) -> None:
        super().__init__(message if isinstance(message, str) else "; ".join(message))
        self.status = status
        self.message = message

    def body(self) -> dict[str, Any]:
        return {
            "statusCode": self.status,
            "error": HTTPStatus(self.status).phrase,
            "message": self.message,
        }


class BadRequest(ApiError):
    def __init__(self, message: str | list[str]) -> None:
        super().__init__(400, message)


class Unauthorized(ApiError):
    def __init__(self, message: str = "Invalid Key. Check the bearer token.") -> None:
        super().__init__(401, message)


class NotFound(ApiError):
    def __init__(self, message: str = "Campaign not found") -> None:
        super().__init__(404, message)


class UnsupportedMediaType(ApiError):
    def __init__(self, message: str = "Content-Type must be application/json") -> None:
        super().__init__(415, message)
