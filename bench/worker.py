"""A real Celery worker on the benchmark queue, with its resident memory sampled throughout;
the CPU seconds a block costs the engine, PostgreSQL and Python."""

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import psutil

from bench.common import ROOT, results_dir


class MemorySampler(threading.Thread):
    """Peak RSS of a process and its children, sampled every `interval` seconds."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.process = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self.running = True

    def rss(self) -> int:
        processes = [self.process, *self.process.children(recursive=True)]
        total = 0
        for process in processes:
            with suppress(psutil.NoSuchProcess):
                total += process.memory_info().rss
        return total

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, self.rss())
            time.sleep(self.interval)

    def reset(self) -> None:
        self.peak = self.rss()


def _purge() -> None:
    from config.celery import app

    app.control.purge()


@contextmanager
def running_worker(ready_timeout: float = 60.0, name: str = "worker"
                   ) -> Iterator[MemorySampler]:
    """Start `celery worker` (solo pool, the instance's queue), yield its memory sampler, stop
    it. Workers side by side need each a `name` (their node name and log file)."""
    from django.conf import settings

    _purge()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings"}
    log_path = results_dir() / f"{name}.log"
    log = open(log_path, "w")  # noqa: SIM115
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", settings.INSTANCE,
         "-n", f"{name}@%h", "-P", "solo", "--without-heartbeat", "--without-mingle",
         "--without-gossip", "-l", "info"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + ready_timeout
        while "ready." not in log_path.read_text():
            if worker.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the worker did not start: see {log_path}")
            time.sleep(0.2)
        sampler = MemorySampler(worker.pid)
        sampler.start()
        yield sampler
        sampler.running = False
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log.close()


def _process_seconds(process: psutil.Process) -> float:
    """CPU seconds a process and its children used so far (0 once it is gone)."""
    total = 0.0
    try:
        for each in [process, *process.children(recursive=True)]:
            times = each.cpu_times()
            total += times.user + times.system
    except psutil.NoSuchProcess:
        pass
    return total


def _cpu_now(client: Any, pids: list[int]) -> dict[str, float]:
    nodes = client.nodes.stats(metric="process")["nodes"].values()
    return {
        "engine": sum(node["process"]["cpu"]["total_in_millis"] for node in nodes) / 1000,
        "database": sum(_process_seconds(process) for process in psutil.process_iter(["name"])
                        if process.info["name"] == "postgres"),
        "python": time.process_time() + sum(_process_seconds(psutil.Process(pid))
                                            for pid in pids),
    }


@contextmanager
def cpu_used(client: Any, pids: list[int] = ()) -> Iterator[dict[str, float]]:
    """The CPU seconds the block cost, filled in when it ends: the engine's (its nodes'
    process statistics), PostgreSQL's (its processes) and Python's (this process and `pids`,
    the workers, with their children), and their sum: with the machine's cores, what bounds
    the block's time when every part is busy."""
    used: dict[str, float] = {}
    start = _cpu_now(client, list(pids))
    yield used
    end = _cpu_now(client, list(pids))
    used.update({part: round(end[part] - start[part], 2) for part in start})
    used["total"] = round(sum(used.values()), 2)
