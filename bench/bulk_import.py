"""Load N generated pages through `manage.py import_content`: in chunks, in parallel, resumable.

    python -m bench.bulk_import bench/data/pages-100000.jsonl [--streams 2] [--chunk 1000]

At 100 000 pages one import takes hours on this machine, so the file is cut into chunks, each
imported by one `import_content` run (every line commits on its own). A finished chunk leaves
a `.done` file beside it: after an interruption the same command goes on from the first
unfinished chunk, whose committed lines are skipped as unchanged. A finished load is dumped
beside the file (`bench.database.dump_loaded`); a later run that finds the dump but not the
finished chunks (another machine, a dropped database) restores it instead of importing.

The reference lines (providers, measures) come first, in one stream; then the content of the
sites is split into `--streams` groups, one site never in two groups (news and translations
follow their project), imported side by side.

Wagtail's own admin search index and reference index are not updated during the load: neither
feeds our public index, `bench.reindex` builds Wagtail's index with `update_index` (figure 2)
and the reference index is not read by any benchmark. Everything our pipeline listens to
(publish signals → outbox) runs as in production. Writes bench/results/<label>/import.json.
"""

import argparse
import io
import json
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tqdm import tqdm

from bench.common import ROOT, django_setup, print_table, write_result

CONTENT_TYPES = {"project", "news"}


def split(source: Path, streams: int, chunk: int) -> list[list[Path]]:
    """Chunk files per stream (stream 0: the reference lines), written once and reused."""
    folder = source.with_suffix("")
    folder = folder.parent / f"{folder.name}-chunks-{streams}x{chunk}"
    if (folder / "plan.json").exists():
        plan = json.loads((folder / "plan.json").read_text())
        return [[folder / name for name in names] for names in plan]
    folder.mkdir(parents=True, exist_ok=True)
    groups: list[list[str]] = [[] for _ in range(streams + 1)]
    stream_of_id: dict[str, int] = {}
    site_streams: dict[str, int] = {}
    for raw in source.open(encoding="utf-8"):
        line = json.loads(raw)
        if line["type"] not in CONTENT_TYPES:
            groups[0].append(raw)
            continue
        if "site" in line:
            site = line["site"]
            site_streams.setdefault(site, 1 + len(site_streams) % streams)
            stream_of_id[line["id"]] = site_streams[site]
        groups[stream_of_id[line["id"]]].append(raw)
    plan = [[_write_chunk(folder / f"s{number}-{start // chunk:04}.jsonl",
                          lines[start:start + chunk])
             for start in range(0, len(lines), chunk)] for number, lines in enumerate(groups)]
    (folder / "plan.json").write_text(json.dumps(plan))
    return [[folder / name for name in names] for names in plan]


def _write_chunk(path: Path, lines: list[str]) -> str:
    path.write_text("".join(lines), encoding="utf-8")
    return path.name


def create_tags(source: Path) -> None:
    """Shared tags exist before the streams start: two transactions creating the same new tag
    in opposite order deadlock (taggit_tag's unique name)."""
    django_setup()
    from taggit.models import Tag

    names = {name for raw in source.open(encoding="utf-8")
             for name in json.loads(raw).get("tags", [])}
    for name in sorted(names - set(Tag.objects.values_list("name", flat=True))):
        Tag.objects.create(name=name)


def import_chunk(path: Path) -> None:
    """One `import_content` run with Wagtail's secondary indexes deferred (see module doc)."""
    django_setup()
    from django.core.management import call_command
    from django.db.models.signals import post_delete, post_save
    from modelsearch.index import get_indexed_models
    from modelsearch.signal_handlers import post_delete_signal_handler, post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    for model in get_indexed_models():
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_delete.disconnect(post_delete_signal_handler, sender=model)
    output = io.StringIO()
    started = time.time()
    with disable_reference_index_auto_update():
        call_command("import_content", str(path), no_progress=True, stdout=output)
    finished = time.time()
    created, updated = (int(re.search(rf"{word} (\d+)", output.getvalue()).group(1))
                        for word in ("sukurta", "atnaujinta"))
    # a resumed chunk writes only the lines its interrupted run had not: those are timed
    done = {"lines": sum(1 for _ in path.open(encoding="utf-8")), "written": created + updated,
            "started": started, "finished": finished}
    path.with_suffix(".done").write_text(json.dumps(done))


def run_stream(chunks: list[Path], progress: tqdm, attempts: int = 3) -> None:
    """Chunks one after another; a failed chunk (e.g. a deadlock between the streams) is run
    again: its committed lines are skipped as unchanged."""
    for path in chunks:
        for attempt in range(1, attempts + 1):
            if path.with_suffix(".done").exists():
                break
            command = [sys.executable, "-m", "bench.bulk_import", "--one", str(path)]
            if subprocess.run(command, cwd=ROOT).returncode and attempt == attempts:
                raise RuntimeError(f"{path} failed {attempts} times")
        progress.update(1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", type=Path)
    parser.add_argument("--streams", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=1000)
    parser.add_argument("--fresh", action="store_true",
                        help="start again from the <instance>_base snapshot, not the dump")
    parser.add_argument("--one", action="store_true", help="import one chunk file (internal)")
    args = parser.parse_args()
    if args.one:
        import_chunk(args.file)
        return
    plan = split(args.file, args.streams, args.chunk)
    django_setup()
    from bench.database import dump_loaded, loaded_dump, restore, restore_loaded

    chunk_files = [path for chunks in plan for path in chunks]
    if args.fresh:
        restore()
        loaded_dump(args.file).unlink(missing_ok=True)
        for path in chunk_files:
            path.with_suffix(".done").unlink(missing_ok=True)
    elif not all(path.with_suffix(".done").exists() for path in chunk_files) and (
            restore_loaded(args.file)):
        print(f"restored the load of {args.file} from {loaded_dump(args.file)}")
        return
    with tqdm(total=len(chunk_files), desc="chunks", unit="chunk") as progress:
        run_stream(plan[0], progress)
        create_tags(args.file)
        with ThreadPoolExecutor(args.streams) as pool:
            list(pool.map(lambda chunks: run_stream(chunks, progress), plan[1:]))
    report(args, plan)
    if not loaded_dump(args.file).exists():
        print(f"dumped the load into {dump_loaded(args.file)}")


def busy_seconds(intervals: list[tuple[float, float]]) -> float:
    """Wall time during which at least one chunk was importing (resumptions leave gaps)."""
    total, reach = 0.0, 0.0
    for start, end in sorted(intervals):
        total += max(0.0, end - max(start, reach))
        reach = max(reach, end)
    return total


def report(args: argparse.Namespace, plan: list[list[Path]]) -> None:
    done = [json.loads(path.with_suffix(".done").read_text()) for chunks in plan
            for path in chunks]
    lines = sum(chunk["lines"] for chunk in done)
    written = sum(chunk.get("written", chunk["lines"]) for chunk in done)
    chunk_seconds = sum(chunk["finished"] - chunk["started"] for chunk in done)
    wall = busy_seconds([(chunk["started"], chunk["finished"]) for chunk in done])
    django_setup()
    write_result("import", {
        "file": str(args.file), "lines": lines, "lines_written_while_timed": written,
        "streams": args.streams, "chunk": args.chunk, "chunks": len(done),
        "deferred": ["Wagtail's admin search index", "Wagtail's reference index"],
        "timed": "each import_content run, without Python and Django start-up",
        "wall_seconds": wall, "chunk_seconds_total": chunk_seconds,
        "pages_per_second": written / wall,
        "pages_per_second_per_stream": written / chunk_seconds})
    print_table(f"Import of {lines} lines in {len(done)} chunks", [
        ("wall", f"{wall / 60:.1f} min"),
        (f"pages/s ({args.streams} streams)", f"{written / wall:.1f}"),
        ("pages/s per stream", f"{written / chunk_seconds:.1f}"),
    ])


if __name__ == "__main__":
    main()
