"""A two-node OpenSearch cluster on loopback, for tests that stop and restart a node.

It runs the distribution `scripts/services.sh` unpacked (with the analysis-common module it
adds), read-only: each node has its own configuration, data and log directories under a
temporary directory, its own free HTTP and transport ports, and a 512 MB heap. As root the nodes
run as the services' user, as services.sh starts them (OpenSearch refuses to run as root).
"""

import json
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.search.worker_processes import poll, services_dir

SERVICE_USER = os.environ.get("SERVICE_USER", "cmssvc")
HEAP = "-Xms512m -Xmx512m"
START_SECONDS = 150  # two JVMs booting at once on two shared cores
STOP_SECONDS = 60


def distribution() -> Path:
    """The OpenSearch home services.sh unpacked: OPENSEARCH_HOME, else in its services'
    directory (`services_dir`)."""
    if configured := os.environ.get("OPENSEARCH_HOME"):
        return Path(configured)
    for home in sorted(services_dir().glob("opensearch/opensearch-*")):
        if (home / ".unpacked").exists():
            return home
    raise LookupError("No OpenSearch distribution: run `make services` (or set OPENSEARCH_HOME "
                      "to the one scripts/services.sh unpacked).")


def java_home() -> Path:
    """OPENSEARCH_JAVA_HOME, else the newest JDK of 21 or later in /usr/lib/jvm."""
    if configured := os.environ.get("OPENSEARCH_JAVA_HOME"):
        return Path(configured)
    found = {}
    for jdk in Path("/usr/lib/jvm").glob("*"):
        release = jdk / "release"
        if jdk.is_symlink() or not release.exists() or not (jdk / "bin" / "java").exists():
            continue
        for line in release.read_text().splitlines():
            if line.startswith("JAVA_VERSION="):
                found[int(line.split('"')[1].split(".")[0])] = jdk
    if not found or max(found) < 21:
        raise LookupError("No JDK 21 or later in /usr/lib/jvm: set OPENSEARCH_JAVA_HOME.")
    return found[max(found)]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


@dataclass
class Node:
    name: str
    directory: Path
    http_port: int = field(default_factory=free_port)
    transport_port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 60) -> str:
        logs = sorted((self.directory / "logs").glob("*.log"))
        return "\n".join(f"--- {path.name}\n" + "\n".join(
            path.read_text(errors="replace").splitlines()[-lines:]) for path in logs)


class TwoNodeCluster:
    """Two cluster-manager-eligible data nodes that discover each other."""

    def __init__(self, directory: Path) -> None:
        self.home = distribution()
        self.java = java_home()
        self.name = f"cms-test-{uuid.uuid4().hex[:8]}"
        self.nodes = [Node(f"node-{number}", directory / f"node-{number}") for number in (1, 2)]
        for node in self.nodes:
            self._configure(node)
        if os.geteuid() == 0:  # the nodes run as the services' user, who must reach it all
            account = pwd.getpwnam(SERVICE_USER)
            directory.chmod(0o755)
            for path in [directory, *directory.rglob("*")]:
                os.chown(path, account.pw_uid, account.pw_gid, follow_symlinks=False)

    def _configure(self, node: Node) -> None:
        shutil.copytree(self.home / "config", node.directory / "config")
        (node.directory / "data").mkdir()
        (node.directory / "logs").mkdir()
        # jvm.options names the agent and the GC log relative to the working directory: the
        # node's own, with the distribution's agent
        (node.directory / "agent").symlink_to(self.home / "agent")
        settings = {
            "cluster.name": self.name, "node.name": node.name, "network.host": "127.0.0.1",
            "http.port": node.http_port, "transport.port": node.transport_port,
            "discovery.seed_hosts": [f"127.0.0.1:{other.transport_port}"
                                     for other in self.nodes],
            "cluster.initial_cluster_manager_nodes": [other.name for other in self.nodes],
            "path.data": str(node.directory / "data"), "path.logs": str(node.directory / "logs"),
            "cluster.routing.allocation.disk.threshold_enabled": False,
            "action.destructive_requires_name": False,
        }
        # JSON is YAML: no YAML writer needed
        (node.directory / "config" / "opensearch.yml").write_text(
            "\n".join(f"{key}: {json.dumps(value)}" for key, value in settings.items()) + "\n")

    def start(self, node: Node) -> None:
        environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                       "OPENSEARCH_JAVA_HOME": str(self.java), "OPENSEARCH_JAVA_OPTS": HEAP,
                       "OPENSEARCH_PATH_CONF": str(node.directory / "config")}
        as_service_user = ({"user": SERVICE_USER, "group": SERVICE_USER, "extra_groups": []}
                           if os.geteuid() == 0 else {})
        with (node.directory / "logs" / "console.log").open("ab") as console:
            node.process = subprocess.Popen(
                [str(self.home / "bin" / "opensearch")], cwd=node.directory, env=environment,
                stdin=subprocess.DEVNULL, stdout=console, stderr=subprocess.STDOUT,
                **as_service_user)

    def stop(self, node: Node) -> None:
        """SIGTERM, as a host's shutdown sends it; the node leaves the cluster in order."""
        if node.running:
            node.process.terminate()
            try:
                node.process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                node.process.kill()
                node.process.wait()

    def health(self, node: Node) -> dict:
        return get_json(f"{node.url}/_cluster/health")

    def joined(self, node: Node) -> bool:
        """Whether `node` answers and sees both nodes in the cluster."""
        assert node.running, f"{node.name} exited:\n{node.log_tail()}"
        try:
            return self.health(node)["number_of_nodes"] == len(self.nodes)
        except OSError:
            return False

    def wait_for_green(self, through: Node) -> None:
        poll(lambda: self.health(through)["status"] == "green", START_SECONDS, "a green cluster")

    def manager(self) -> Node:
        """The node elected cluster manager."""
        names = {node.name: node for node in self.nodes}
        for node in self.nodes:
            if node.running:
                state = get_json(f"{node.url}/_cluster/state/cluster_manager_node,nodes")
                return names[state["nodes"][state["cluster_manager_node"]]["name"]]
        raise LookupError("no node is running")


@contextmanager
def two_node_cluster() -> Iterator[TwoNodeCluster]:
    """Both nodes started and joined; stopped, and their directories removed, at the end."""
    directory = Path(tempfile.mkdtemp(prefix="opensearch-cluster-"))
    try:
        cluster = TwoNodeCluster(directory)
        try:
            for node in cluster.nodes:
                cluster.start(node)
            for node in cluster.nodes:
                poll(lambda node=node: cluster.joined(node), START_SECONDS,
                     f"{node.name} joining the cluster")
            yield cluster
        finally:
            for node in cluster.nodes:
                cluster.stop(node)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
