from collections import Counter
from contextlib import nullcontext
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from pages.importing.reader import read_lines
from pages.importing.values import LineError
from pages.importing.writer import import_line


class DryRunRollback(Exception):
    pass


class Command(BaseCommand):
    help = "Importuoja puslapius iš JSON Lines failo (formatas: docs/import-format.md)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true",
                            help="Tik patikrinti: nieko neįrašyti.")
        parser.add_argument("--no-progress", action="store_true", help="Be eigos juostos.")

    def handle(self, *args, file: Path, dry_run: bool, no_progress: bool, **options) -> None:
        if not file.is_file():
            raise CommandError(f"Failas nerastas: {file}")
        lines = list(read_lines(file))
        counts: Counter[str] = Counter()
        errors: list[str] = []
        # each line commits on its own (a long import holds no locks editors wait for);
        # a dry run wraps them all in one transaction and rolls it back
        try:
            with transaction.atomic() if dry_run else nullcontext():
                for line in tqdm(lines, desc="Importuojama", unit="eil.", disable=no_progress):
                    try:
                        if line.error:
                            raise LineError(line.error)
                        counts[import_line(line.data).action] += 1
                    except LineError as error:
                        errors.append(f"eilutė {line.number}: {error}")
                if dry_run:
                    raise DryRunRollback
        except DryRunRollback:
            pass
        summary = (f"sukurta {counts['created']}, atnaujinta {counts['updated']}, "
                   f"nepakeista {counts['unchanged']}, klaidų {len(errors)}")
        if dry_run:
            summary = f"Bandomasis paleidimas (nieko neįrašyta): {summary}"
        for message in errors:
            self.stderr.write(message)
        self.stdout.write(summary)
        if errors:
            raise CommandError(f"{len(errors)} eilučių neimportuota.")
