import importlib.metadata
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_package_is_installed_with_its_apps():
    distribution = importlib.metadata.distribution("wagtail-esparama")
    top_level = {path.parts[0] for path in distribution.files or []} | {
        line.split("/")[0] for line in (distribution.read_text("top_level.txt") or "").split()}
    direct = distribution.read_text("direct_url.json") or ""
    assert {"pages", "search", "workers", "cms"} <= top_level or "editable" in direct


def test_a_second_project_installs_the_apps_migrates_and_serves_a_page(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.plugin_project.settings",
           "PLUGIN_TEST_DB": str(tmp_path / "plugin.sqlite3"), "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "tests/plugin_project/check_serves.py"], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "SERVED" in result.stdout
    assert "Alytaus miesto savivaldybė" in result.stdout
