"""Word lists for the child-data detector (UK given names, places), loaded once on demand."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def _read_lines(name: str) -> list[str]:
    out: list[str] = []
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


@dataclass(frozen=True, slots=True)
class Gazetteers:
    """Lookups keyed by lowercase text; places map a lowercase phrase to (name, level)."""

    first_names: frozenset[str]
    ambiguous_names: frozenset[str]
    places: dict[str, tuple[str, str]]
    place_max_words: int
    place_heads: frozenset[str]  # first words of multi-word places ("milton", "st", "king's")


@lru_cache(maxsize=1)
def load_gazetteers() -> Gazetteers:
    """Read the data files once per process."""
    ambiguous = frozenset(n.lower() for n in _read_lines("uk_first_names_ambiguous.txt"))
    names = frozenset(n.lower() for n in _read_lines("uk_first_names.txt")) | ambiguous
    places: dict[str, tuple[str, str]] = {}
    longest = 1
    for line in _read_lines("uk_places.txt"):
        level = "town"
        if ":" in line:
            level, line = line.split(":", 1)
        key = " ".join(line.lower().split())
        # A town of the same spelling wins over a county or region entry.
        if key not in places or level == "town":
            places[key] = (line, level)
        longest = max(longest, len(key.split()))
    heads = frozenset(k.split()[0] for k in places if " " in k)
    return Gazetteers(names, ambiguous, places, longest, heads)
