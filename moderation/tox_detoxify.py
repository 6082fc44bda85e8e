"""Detoxify backend: the real Detoxify models, online or fully offline from a local checkpoint."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from moderation.types import TOXICITY_LABELS

MODELS = ("original", "unbiased", "multilingual", "original-small", "unbiased-small")
# Detoxify's checkpoint file names (the tail of its MODEL_URLS), to find them in torch's hub
# cache without importing torch.
CHECKPOINT_FILES = {
    "original": "toxic_original-c1212f89.ckpt",
    "unbiased": "toxic_debiased-c7548aa0.ckpt",
    "multilingual": "multilingual_debiased-0b549669.ckpt",
    "original-small": "original-albert-0e1d6498.ckpt",
    "unbiased-small": "unbiased-albert-c8519128.ckpt",
}
# Detoxify's class names onto ours.  "original" says identity_hate/severe_toxic/toxic;
# "unbiased" and "multilingual" add sexual_explicit, which we fold into obscene (max), because
# the policy has no separate label for it and sexual content is what "obscene" holds for.
LABEL_MAP = {
    "toxic": "toxicity",
    "toxicity": "toxicity",
    "severe_toxic": "severe_toxicity",
    "severe_toxicity": "severe_toxicity",
    "obscene": "obscene",
    "threat": "threat",
    "insult": "insult",
    "identity_hate": "identity_attack",
    "identity_attack": "identity_attack",
    "sexual_explicit": "obscene",
}
MAX_TOKENS = 256
# Characters kept before tokenising: enough for MAX_TOKENS, and a 100,000-character text does
# not make the tokenizer do a hundred times the work for tokens that are cut anyway.
MAX_CHARS = MAX_TOKENS * 12


def _hub_dir() -> str:
    torch_home = os.environ.get("TORCH_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "torch")
    return os.path.join(torch_home, "hub")


def cached_checkpoint(model: str) -> str | None:
    """Path of Detoxify's downloaded weights for `model` if torch's hub cache has them."""
    name = CHECKPOINT_FILES.get(model)
    if not name:
        return None
    path = os.path.join(_hub_dir(), "checkpoints", name)
    return path if os.path.isfile(path) else None


def checkpoint_url(model: str, base_url: str | None = None) -> str:
    """Where Detoxify publishes the weights of `model`, or the same file under a mirror's base URL.

    SAFEGUARD_DETOXIFY_DOWNLOAD_URL names a mirror (an internal artifact store, say) that holds
    Detoxify's release files under the same paths, e.g. ``https://mirror/detoxify/`` serving
    ``v0.1-alpha/toxic_original-c1212f89.ckpt``.
    """
    from detoxify.detoxify import DOWNLOAD_URL, MODEL_URLS

    url = MODEL_URLS[model]
    base = base_url or os.environ.get("SAFEGUARD_DETOXIFY_DOWNLOAD_URL") or DOWNLOAD_URL
    return base.rstrip("/") + "/" + url.removeprefix(DOWNLOAD_URL)


def download_checkpoint(model: str, base_url: str | None = None) -> tuple[str, str]:
    """Download Detoxify's weights for `model` into torch's hub cache; (path, url).

    The file lands where Detoxify's own download puts it, so later starts (and the "auto"
    backend) find it there without the network.
    """
    import torch.hub

    url = checkpoint_url(model, base_url)
    dest = os.path.join(_hub_dir(), "checkpoints", CHECKPOINT_FILES[model])
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    # download_url_to_file writes to a temporary file and renames it, so an interrupted
    # download never leaves a truncated checkpoint in the cache.
    try:
        torch.hub.download_url_to_file(url, dest, progress=False)
    except (OSError, ValueError) as exc:  # urllib's HTTPError/URLError are OSErrors
        raise RuntimeError(
            f"could not download Detoxify '{model}' weights from {url} ({exc}): check the network "
            "or set SAFEGUARD_DETOXIFY_DOWNLOAD_URL to a mirror, or give SAFEGUARD_DETOXIFY_CHECKPOINT "
            "and SAFEGUARD_DETOXIFY_CONFIG_DIR to load a local copy") from exc
    return dest, url


def map_labels(class_names: Sequence[str], probs: Sequence[float]) -> dict[str, float]:
    """Our six labels from one row of Detoxify outputs; a label the model lacks scores 0.0.

    Missing labels only happen with custom checkpoints; 0.0 is safe because the policy holds
    on `toxicity`, which every Detoxify model has.
    """
    out = dict.fromkeys(TOXICITY_LABELS, 0.0)
    for name, p in zip(class_names, probs, strict=False):
        label = LABEL_MAP.get(name)
        if label is not None:
            out[label] = max(out[label], round(float(p), 4))
    return out


class DetoxifyScorer:
    """Batched, thread-bounded inference over a Detoxify model and tokenizer."""

    def __init__(self, name: str, why: str, model: Any, tokenizer: Any,
                 class_names: Sequence[str], batch_size: int = 32,
                 max_tokens: int = MAX_TOKENS) -> None:
        self.name = name
        self.why = why
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.class_names = list(class_names)
        self.batch_size = max(1, batch_size)
        self.max_tokens = max_tokens

    def score_batch(self, texts: Sequence[str]) -> list[dict[str, float]]:
        import torch

        out: list[dict[str, float]] = []
        for i in range(0, len(texts), self.batch_size):
            chunk = [t[:MAX_CHARS] if t else "" for t in texts[i:i + self.batch_size]]
            enc = self.tokenizer(chunk, return_tensors="pt", truncation=True, padding=True,
                                 max_length=self.max_tokens)
            with torch.inference_mode():
                logits = self.model(**enc)[0]
                probs = torch.sigmoid(logits).tolist()
            out.extend(map_labels(self.class_names, row) for row in probs)
        return out


def _bound_threads(threads: int | None) -> int:
    import torch

    n = threads or min(4, os.cpu_count() or 1)
    torch.set_num_threads(n)
    return n


def load_offline(checkpoint: str, config_dir: str) -> tuple[Any, Any, list[str]]:
    """Model, tokenizer and class names from a Detoxify .ckpt and a local HF config directory.

    Detoxify 0.5.x asks the hub for the config of `model_type` even when given a local one; this
    builds the same model from the checkpoint's own "arch" config with everything read locally.
    """
    import torch
    import transformers

    loaded = torch.load(checkpoint, map_location="cpu", weights_only=False)
    if not isinstance(loaded, dict) or "config" not in loaded or "state_dict" not in loaded:
        raise ValueError(f"{checkpoint} is not a Detoxify checkpoint: it needs 'config' and "
                         "'state_dict' entries")
    try:
        arch = loaded["config"]["arch"]["args"]
        classes = list(loaded["config"]["dataset"]["args"]["classes"])
    except (KeyError, TypeError) as exc:
        raise ValueError(f"{checkpoint}: config lacks arch.args or dataset.args.classes") from exc
    model_class = getattr(transformers, arch["model_name"])
    tok_class = getattr(transformers, arch.get("tokenizer_name", ""), None) or \
        transformers.AutoTokenizer
    config = model_class.config_class.from_pretrained(
        config_dir, num_labels=arch["num_classes"], local_files_only=True)
    model = model_class.from_pretrained(None, config=config, state_dict=loaded["state_dict"])
    tokenizer = tok_class.from_pretrained(config_dir, local_files_only=True)
    return model, tokenizer, classes


def load_detoxify(model: str = "original", *, checkpoint: str | None = None,
                  config_dir: str | None = None, threads: int | None = None,
                  batch_size: int = 32, why: str = "detoxify backend requested") -> DetoxifyScorer:
    """Load a Detoxify model once; offline when checkpoint + config_dir are given."""
    if model not in MODELS and not checkpoint:
        raise ValueError(f"unknown Detoxify model {model!r}: choose one of {', '.join(MODELS)}")
    if checkpoint and not os.path.isfile(checkpoint):
        raise FileNotFoundError(f"Detoxify checkpoint {checkpoint} does not exist")
    if config_dir and not os.path.isdir(config_dir):
        raise FileNotFoundError(f"Hugging Face config directory {config_dir} does not exist")
    n = _bound_threads(threads)
    if checkpoint and config_dir:
        net, tokenizer, classes = load_offline(checkpoint, config_dir)
        where = f"offline from {checkpoint} with config {config_dir}"
    else:
        offline = os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes")
        checkpoint = checkpoint or cached_checkpoint(model)
        if offline and not checkpoint:
            raise RuntimeError(
                f"Detoxify '{model}' weights are not on this machine and HF_HUB_OFFLINE is set: "
                "pass checkpoint= (a Detoxify .ckpt) and config_dir= (its Hugging Face config "
                "and tokenizer directory) to load offline")
        from detoxify import Detoxify

        where = f"from {checkpoint}"
        if not checkpoint:
            checkpoint, url = download_checkpoint(model)
            where = f"from {url} (now cached at {checkpoint})"
        # Detoxify still fetches the Hugging Face config and tokenizer of the checkpoint's
        # model type (from the hub, HF_ENDPOINT or the Hugging Face cache).
        detox = Detoxify(model, checkpoint=checkpoint)
        net, tokenizer, classes = detox.model, detox.tokenizer, list(detox.class_names)
    name = f"detoxify:{model}"
    return DetoxifyScorer(name, f"{why}; model '{model}' loaded {where}; {n} threads",
                          net, tokenizer, classes, batch_size=batch_size)
