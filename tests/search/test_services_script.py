"""scripts/services.sh down stops only what its pidfiles name, and says so when it cannot."""

import os
import subprocess

import pytest
import redis

from tests.search.worker_processes import ROOT, services_dir

pytestmark = pytest.mark.disruptive


@pytest.fixture
def decoy():
    """A process that is not Redis, for the pidfile to name."""
    process = subprocess.Popen(["sleep", "300"])
    yield process
    process.kill()
    process.wait()


def test_down_fails_loudly_for_redis_running_unlike_its_pidfile(decoy):
    client = redis.Redis.from_url(os.environ["REDIS_URL"], socket_connect_timeout=2)
    assert client.ping(), "Redis should be up: scripts/services.sh up"
    pidfile = services_dir() / "redis.pid"
    real_pid = pidfile.read_text()
    pidfile.write_text(f"{decoy.pid}\n")
    try:
        done = subprocess.run([str(ROOT / "scripts" / "services.sh"), "down"], cwd=ROOT,
                              env={**os.environ, "SERVICES": "redis"}, capture_output=True,
                              text=True, timeout=60)
    finally:
        pidfile.write_text(real_pid)
    assert done.returncode != 0
    assert f"names pid {decoy.pid}" in done.stderr and "not stopping it" in done.stderr
    assert "not stopped" in done.stderr and "redis" in done.stderr
    assert decoy.poll() is None  # the process the pidfile wrongly named is left alone
    assert client.ping()  # and Redis still runs
