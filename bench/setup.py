"""Prepare the benchmark database: migrate, then one site per municipality and the national one.

    DJANGO_SETTINGS_MODULE=bench.settings python -m bench.setup [--if-missing]

Sites go through the project's own `add_municipality` command (hosts <slug>.bench.localhost);
the result is kept as the template `<instance>_base` that every fresh import starts from.
"""

import argparse

from bench.common import django_setup, site_host
from bench.database import create_database, has_database, has_snapshot, restore, snapshot
from bench.generate import site_slugs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--if-missing", action="store_true",
                        help="do nothing when the snapshot already exists")
    args = parser.parse_args()
    django_setup()
    if args.if_missing and has_snapshot():
        if not has_database():
            restore()
        return
    from django.core.management import call_command

    create_database()
    call_command("migrate", verbosity=0)
    call_command("esparama_setup", verbosity=0)
    for slug in site_slugs():
        call_command("add_municipality", slug, site_host(slug))
    snapshot()


if __name__ == "__main__":
    main()
