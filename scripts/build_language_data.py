#!/usr/bin/env python3
"""Builds the general language data under src/search/data/ from Debian packages.

Run once at development time; the output is committed, so building and running the bot
never downloads anything.

    apt-get install wordnet-base dict-freedict-eng-rus dict-freedict-eng-tur
    python3 scripts/build_language_data.py

Outputs (one entry a line, `key<TAB>value|value|...`, lowercase):
  en-synonyms.tsv  English word -> synonyms and derivationally related words (WordNet 3.0,
                   the word's two most frequent senses only, so rare senses add no noise)
  ru-en.tsv        Russian word -> English words (FreeDict eng-rus, inverted)
  tr-en.tsv        Turkish word -> English words (FreeDict eng-tur, inverted)

Only words of the common English word list (src/search/english-words.txt) are kept as keys or
English values: the data stays small and general, and no entry is chosen for a document.
"""
import gzip
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "search" / "data"
WORDNET = Path("/usr/share/wordnet")
DICTD = Path("/usr/share/dictd")
SENSES = 2
MAX_VALUES = 12
MAX_TRANSLATIONS = 4

common = {
    line.strip()
    for line in (ROOT / "src" / "search" / "english-words.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
}


def wordnet_synonyms():
    """Synonyms of each common word's first senses, plus derivationally related forms."""
    synsets = {}  # (pos, offset) -> (words, pointers)
    for pos, name in [("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")]:
        for line in (WORDNET / f"data.{name}").read_text(errors="replace").splitlines():
            if line.startswith("  "):
                continue
            parts = line.split(" | ")[0].split()
            offset, count = parts[0], int(parts[3], 16)
            words = [parts[4 + 2 * i].lower() for i in range(count)]
            words = [re.sub(r"\(.*\)$", "", w) for w in words]
            rest = parts[4 + 2 * count :]
            pointers = []
            for i in range(int(rest[0])):
                symbol, target, tpos, st = rest[1 + 4 * i : 5 + 4 * i]
                pointers.append((symbol, target, "a" if tpos == "s" else tpos, int(st[:2], 16), int(st[2:], 16)))
            synsets[(pos, offset)] = (words, pointers)
    related = defaultdict(list)
    for pos, name in [("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")]:
        for line in (WORDNET / f"index.{name}").read_text(errors="replace").splitlines():
            if line.startswith("  "):
                continue
            parts = line.split()
            lemma = parts[0].lower()
            if lemma not in common:
                continue
            p_cnt = int(parts[3])
            offsets = parts[6 + p_cnt :]
            for offset in offsets[:SENSES]:
                words, pointers = synsets[(pos, offset)]
                source = words.index(lemma) + 1 if lemma in words else 0
                for w in words:
                    if w != lemma:
                        related[lemma].append(w)
                for symbol, target, tpos, st, tt in pointers:
                    # '+': derivationally related form of this very word (propose -> proposal).
                    if symbol == "+" and st == source and (tpos, target) in synsets:
                        related[lemma].append(synsets[(tpos, target)][0][tt - 1])
    out = {}
    for lemma, values in related.items():
        seen = []
        for v in values:
            v = v.replace("_", " ")
            # Phrases of up to two words; single words only when common, so a rare synonym
            # never drags a passage in.
            if v == lemma or v in seen or len(v.split()) > 2:
                continue
            if " " not in v and v not in common:
                continue
            seen.append(v)
        if seen:
            out[lemma] = seen[:MAX_VALUES]
    return out


def freedict_inverted(name, foreign_word):
    """Inverts an English->X FreeDict dictionary into X word -> English headwords."""
    text = gzip.open(DICTD / f"freedict-{name}.dict.dz").read().decode("utf-8", errors="replace")
    entries = re.split(r"\n(?=\S[^\n]*/[^\n]*/\n)", text)
    inverted = defaultdict(list)
    for entry in entries:
        lines = entry.strip().split("\n")
        head = re.sub(r"\s*/.*/\s*$", "", lines[0]).strip().lower()
        if head not in common:
            continue
        position = 0
        for line in lines[1:]:
            line = re.sub(r"^\s*\d+\.\s*", "", line)
            line = re.sub(r"\([^)]*\)", "", line)
            for piece in re.split(r"[,;]", line):
                piece = piece.strip(" .!\t").lower()
                if foreign_word.fullmatch(piece):
                    inverted[piece].append((position, head))
                position += 1
    # An English word whose first translation is this word comes first (toplantı -> meeting
    # before assembly).
    out = {}
    for key, pairs in inverted.items():
        heads = []
        for _, head in sorted(pairs):
            if head not in heads:
                heads.append(head)
        out[key] = heads[:MAX_TRANSLATIONS]
    return out


def write(name, table, header):
    path = OUT / name
    with path.open("w", encoding="utf-8") as f:
        f.write(header)
        for key in sorted(table):
            f.write(f"{key}\t{'|'.join(table[key])}\n")
    print(f"{path.relative_to(ROOT)}: {len(table)} entries, {path.stat().st_size // 1024} KiB", file=sys.stderr)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    write("en-synonyms.tsv", wordnet_synonyms(), "# WordNet 3.0 (WordNet licence), built by scripts/build_language_data.py\n")
    write(
        "ru-en.tsv",
        freedict_inverted("eng-rus", re.compile(r"[а-яё-]{3,}")),
        "# FreeDict eng-rus 0.3.1 inverted (GPL-2+), built by scripts/build_language_data.py\n",
    )
    write(
        "tr-en.tsv",
        freedict_inverted("eng-tur", re.compile(r"[a-zçğıöşüâîû]{3,}")),
        "# FreeDict eng-tur inverted (GPL-2+), built by scripts/build_language_data.py\n",
    )


if __name__ == "__main__":
    main()
