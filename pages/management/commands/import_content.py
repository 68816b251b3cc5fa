from collections import Counter
from contextlib import nullcontext
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from tqdm import tqdm

from pages.importing.reader import read_lines
from pages.importing.values import LineError
from pages.importing.writer import import_line


class DryRunRollback(Exception):
    pass


class Command(BaseCommand):
    help = gettext_lazy("Imports pages from a JSON Lines file (format: docs/import-format.md).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true",
                            help=gettext_lazy("Only check: write nothing."))
        parser.add_argument("--no-progress", action="store_true",
                            help=gettext_lazy("No progress bar."))

    def handle(self, *args, file: Path, dry_run: bool, no_progress: bool, **options) -> None:
        if not file.is_file():
            raise CommandError(_("File not found: %(file)s") % {"file": file})
        lines = list(read_lines(file))
        counts: Counter[str] = Counter()
        errors: list[str] = []
        # each line commits on its own (a long import holds no locks editors wait for);
        # a dry run wraps them all in one transaction and rolls it back
        try:
            with transaction.atomic() if dry_run else nullcontext():
                for line in tqdm(lines, desc=_("Importing"),
                                 unit=pgettext("progress unit", "lines"), disable=no_progress):
                    try:
                        if line.error:
                            raise LineError(line.error)
                        counts[import_line(line.data).action] += 1
                    except LineError as error:
                        errors.append(_("line %(number)s: %(error)s")
                                      % {"number": line.number, "error": error})
                if dry_run:
                    raise DryRunRollback
        except DryRunRollback:
            pass
        summary = _("created %(created)s, updated %(updated)s, unchanged %(unchanged)s, "
                    "errors %(errors)s") % {
            "created": counts["created"], "updated": counts["updated"],
            "unchanged": counts["unchanged"], "errors": len(errors)}
        if dry_run:
            summary = _("Dry run (nothing written): %(summary)s") % {"summary": summary}
        for message in errors:
            self.stderr.write(message)
        self.stdout.write(summary)
        if errors:
            raise CommandError(_("%(count)s lines not imported.") % {"count": len(errors)})
