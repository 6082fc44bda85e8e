"""Builds Detoxify-format checkpoints (tiny or full-size, random weights) with a local tokenizer."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

ORIGINAL_CLASSES = ("toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate")
UNBIASED_CLASSES = ("toxicity", "severe_toxicity", "obscene", "identity_attack", "insult",
                    "threat", "sexual_explicit")
_SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def write_vocab(path: Path, texts: Iterable[str] = ()) -> int:
    """A WordPiece vocab of our own: specials, every ASCII character (and its ## form), and
    the words of `texts`, so common words are single tokens as in a real BERT vocab."""
    chars = [chr(c) for c in range(33, 127)]
    words: list[str] = []
    seen = set(_SPECIAL) | set(chars)
    for text in texts:
        for w in re.findall(r"[a-z]+|[^\sa-z]", text.lower()):
            if w not in seen:
                seen.add(w)
                words.append(w)
    vocab = _SPECIAL + chars + ["##" + c for c in chars] + words
    path.write_text("\n".join(vocab) + "\n", encoding="utf-8")
    return len(vocab)


def build_checkpoint(
    directory: Path,
    *,
    classes: Sequence[str] = ORIGINAL_CLASSES,
    full_size: bool = False,
    texts: Iterable[str] = (),
    max_positions: int = 512,
    seed: int = 0,
) -> tuple[str, str]:
    """Write <directory>/model.ckpt (Detoxify's format) and <directory>/hf (config+tokenizer).

    Returns (checkpoint path, config dir).  full_size=True gives bert-base dimensions
    (BertConfig() defaults): weights are random, which does not change inference speed.
    """
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizer

    torch.manual_seed(seed)
    directory.mkdir(parents=True, exist_ok=True)
    config_dir = directory / "hf"
    config_dir.mkdir(exist_ok=True)
    vocab_file = directory / "vocab.txt"
    n_vocab = write_vocab(vocab_file, texts)
    if full_size:
        config = BertConfig(num_labels=len(classes))
        config.vocab_size = max(config.vocab_size, n_vocab)
    else:
        config = BertConfig(vocab_size=n_vocab, hidden_size=32, num_hidden_layers=2,
                            num_attention_heads=2, intermediate_size=64,
                            max_position_embeddings=max_positions, num_labels=len(classes))
    model = BertForSequenceClassification(config)
    tokenizer = BertTokenizer(vocab_file=str(vocab_file), do_lower_case=True)
    config.save_pretrained(config_dir)
    tokenizer.save_pretrained(config_dir)
    checkpoint = {
        "config": {
            "arch": {
                "type": "ToxicClassifier",
                "args": {
                    "num_classes": len(classes),
                    "model_type": "bert-base-uncased",
                    "model_name": "BertForSequenceClassification",
                    "tokenizer_name": "BertTokenizer",
                },
            },
            "dataset": {"type": "JigsawDataOriginal", "args": {"classes": list(classes)}},
        },
        "state_dict": model.state_dict(),
    }
    path = directory / "model.ckpt"
    torch.save(checkpoint, path)
    return str(path), str(config_dir)
