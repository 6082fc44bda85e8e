"""Detoxify's online path: weights and Hugging Face files really downloaded over HTTP.

The machines that run these tests cannot reach GitHub or the Hugging Face hub, so a local HTTP
server plays both: a mirror of Detoxify's release files (SAFEGUARD_DETOXIFY_DOWNLOAD_URL) and a
Hugging Face endpoint (HF_ENDPOINT, huggingface_hub's own setting). Everything else is the code a
site with internet access runs: torch.hub's downloader, Detoxify's loader, huggingface_hub's
cache. Each load runs in a fresh process because huggingface_hub reads HF_ENDPOINT at import.
"""

from __future__ import annotations

import hashlib
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.moderation.test_toxicity_detoxify import require_torch_stack

pytestmark = pytest.mark.torch

ROOT = Path(__file__).resolve().parents[2]
CKPT_PATH = "v0.1-alpha/toxic_original-c1212f89.ckpt"  # Detoxify's path for "original"
TEXTS = ["you are an idiot", "thank you for the thoughtful article about kinship care"]


class _Files(http.server.BaseHTTPRequestHandler):
    """Serves /detoxify/<release path> and /<repo>/resolve/<rev>/<file> from a directory."""

    root: Path
    log: list[str]
    broken: set[str]

    def _reply(self, body: bool) -> None:
        path = self.path.split("?")[0]
        self.log.append(f"{self.command} {path}")
        parts = path.strip("/").split("/")
        target: Path | None = None
        if parts[0] == "detoxify":
            target = self.root.joinpath("detoxify", *parts[1:])
        elif len(parts) >= 4 and parts[1] == "resolve":
            target = self.root.joinpath("hub", parts[0], *parts[3:])
        if target is None or not target.is_file() or path in self.broken:
            self.send_response(404)
            self.send_header("X-Error-Code", "EntryNotFound")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        data = target.read_bytes()
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("ETag", f'"{hashlib.sha1(data).hexdigest()}"')
        self.send_header("X-Repo-Commit", "0" * 40)
        self.end_headers()
        if body:
            self.wfile.write(data)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._reply(True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._reply(False)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def mirror(tmp_path_factory) -> Iterator[tuple[str, Path, list[str], set[str]]]:
    """(base URL, tiny checkpoint dir, request log, paths to answer 404) of a running server."""
    require_torch_stack()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # building the tiny model needs no hub
    from tests.moderation.tiny_detoxify import build_checkpoint

    build = tmp_path_factory.mktemp("tiny-download")
    checkpoint, config_dir = build_checkpoint(build / "model", texts=TEXTS, max_positions=300)
    root = build / "served"
    (root / "detoxify" / CKPT_PATH).parent.mkdir(parents=True)
    shutil.copy(checkpoint, root / "detoxify" / CKPT_PATH)
    # Detoxify asks the hub for the checkpoint's model type, "bert-base-uncased".
    shutil.copytree(config_dir, root / "hub" / "bert-base-uncased")
    handler = type("Files", (_Files,), {"root": root, "log": [], "broken": set()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", build / "model", handler.log, handler.broken
    finally:
        server.shutdown()


def _load_and_score(base: str, cache: Path, backend: str = "detoxify") -> subprocess.CompletedProcess[str]:
    """`safeguard score --info` then scores, in a fresh process with online settings."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "SAFEGUARD_DETOXIFY_CHECKPOINT",
                        "SAFEGUARD_DETOXIFY_CONFIG_DIR")}
    env.update(HF_ENDPOINT=base, HF_HOME=str(cache / "hf"), TORCH_HOME=str(cache / "torch"),
               SAFEGUARD_DETOXIFY_DOWNLOAD_URL=f"{base}/detoxify/", NO_PROXY="127.0.0.1",
               HF_HUB_DISABLE_TELEMETRY="1")
    script = (
        "import json, sys\n"
        "from moderation.toxicity import load_scorer\n"
        f"s = load_scorer({backend!r}, model='original', threads=1)\n"
        f"print(json.dumps({{'name': s.name, 'why': s.why, 'scores': s.score_batch({TEXTS!r})}}))\n"
    )
    return subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=180)


def test_first_start_downloads_weights_and_config_then_scores_like_the_local_copy(mirror, tmp_path):
    base, model_dir, log, _broken = mirror
    log.clear()
    done = _load_and_score(base, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["name"] == "detoxify:original"
    assert f"{base}/detoxify/{CKPT_PATH}" in result["why"]
    assert f"GET /detoxify/{CKPT_PATH}" in log
    assert "GET /bert-base-uncased/resolve/main/config.json" in log
    # The download landed where Detoxify's own download puts it.
    assert (tmp_path / "torch" / "hub" / "checkpoints" / Path(CKPT_PATH).name).is_file()

    from moderation.tox_detoxify import load_detoxify

    local = load_detoxify(checkpoint=str(model_dir / "model.ckpt"), config_dir=str(model_dir / "hf"),
                          threads=1)
    for downloaded, offline in zip(result["scores"], local.score_batch(TEXTS), strict=True):
        assert downloaded == pytest.approx(offline, abs=1e-4)


def test_second_start_uses_the_cache_and_auto_picks_detoxify(mirror, tmp_path):
    base, _model_dir, log, _broken = mirror
    assert _load_and_score(base, tmp_path).returncode == 0
    log.clear()
    done = _load_and_score(base, tmp_path, backend="auto")
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["name"] == "detoxify:original"
    assert "cached at" in result["why"]
    assert not [line for line in log if "/detoxify/" in line], log


def test_a_failed_download_says_where_and_leaves_no_partial_file(mirror, tmp_path):
    base, _model_dir, _log, broken = mirror
    broken.add(f"/detoxify/{CKPT_PATH}")
    try:
        done = _load_and_score(base, tmp_path)
    finally:
        broken.clear()
    assert done.returncode != 0
    assert "404" in done.stderr and CKPT_PATH in done.stderr
    checkpoints = tmp_path / "torch" / "hub" / "checkpoints"
    assert not checkpoints.exists() or not any(checkpoints.iterdir())
    # auto falls back to the embedded scorer and says why, rather than failing to start.
    done = _load_and_score(base, tmp_path, backend="auto")
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1])["name"] == "embedded"
