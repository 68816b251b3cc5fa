"""Every JSON answer of the API is written by orjson, once: in one pass from what the response
schema dumped, with the text as UTF-8 rather than escapes. Dates and times are written as
Django writes them (`DjangoJSONEncoder`: milliseconds, `Z` for UTC), as before."""

from typing import Any

import orjson
from django.http import HttpRequest
from ninja.renderers import BaseRenderer
from ninja.responses import NinjaJSONEncoder

_ENCODER = NinjaJSONEncoder()


class OrjsonRenderer(BaseRenderer):
    media_type = "application/json"

    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> bytes:
        return orjson.dumps(data, default=_ENCODER.default,
                            option=orjson.OPT_PASSTHROUGH_DATETIME)


RENDERER = OrjsonRenderer()
