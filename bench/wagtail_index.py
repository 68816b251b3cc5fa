"""Run Wagtail's `update_index` (Wagtail backend on the benchmark engine, see bench/settings.py)
and print its duration, the number of objects it indexed and the size of its indexes as one
JSON line."""

import io
import json
import time

from bench.common import django_setup, store_bytes


def main() -> None:
    django_setup()
    from django.conf import settings
    from django.core.management import call_command

    from search.engines import get_engine

    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    start = time.perf_counter()
    call_command("update_index", stdout=io.StringIO())
    seconds = time.perf_counter() - start
    client = get_engine().client
    client.indices.refresh(index=f"{settings.WAGTAIL_INDEX}*")
    objects = client.count(index=f"{settings.WAGTAIL_INDEX}*")["count"]
    print(json.dumps({"seconds": seconds, "objects": objects, "backend": backend,
                      "store_bytes": store_bytes(client, f"{settings.WAGTAIL_INDEX}*")}))


if __name__ == "__main__":
    main()
