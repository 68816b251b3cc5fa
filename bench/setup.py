"""Prepare the benchmark database: migrate, then one site per municipality and the national one.

    DJANGO_SETTINGS_MODULE=bench.settings python -m bench.setup

Sites go through the project's own `add_municipality` command (hosts <slug>.bench.localhost);
the result is kept as the template `bench_base` that every import starts from.
"""

from bench.common import django_setup, site_host
from bench.database import snapshot
from bench.generate import site_slugs


def main() -> None:
    django_setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    for slug in site_slugs():
        call_command("add_municipality", slug, site_host(slug))
    snapshot()


if __name__ == "__main__":
    main()
