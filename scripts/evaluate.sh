#!/usr/bin/env bash
# Scores the release binary on a question set, full and documents-only (facts.toml and
# synonyms.toml emptied, as an admin's new uncurated document would be answered), with a
# per-language breakdown when the set has a "lang" field.
# Usage: scripts/evaluate.sh QUESTIONS.jsonl [extra evaluate.py flags]
set -euo pipefail
cd "$(dirname "$0")/.."
set_file=$1
shift
extra=("$@")
shared="${SHARED_DIR:-../shared}"
bin=target/release/ictbot
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r knowledge "$tmp/bare"
: >"$tmp/bare/facts.toml"
: >"$tmp/bare/synonyms.toml"

score() { # label, knowledge dir
  local label=$1 dir=$2 status=0
  python3 "$shared/eval/evaluate.py" --set "$set_file" --cmd "$bin ask --json --knowledge $dir" \
    --json-out "$tmp/$label.json" ${extra[@]+"${extra[@]}"} >"$tmp/$label.txt" || status=$?
  [ "$status" -le 1 ] || { cat "$tmp/$label.txt"; exit "$status"; }
  echo "== $(basename "$set_file"), $label"
  tail -n 14 "$tmp/$label.txt"
  python3 - "$set_file" "$tmp/$label.json" <<'PY'
import json, sys
langs = {}
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        q = json.loads(line)
        langs[q["id"]] = q.get("lang")
if not any(langs.values()):
    sys.exit(0)
by = {}
for r in json.load(open(sys.argv[2]))["results"]:
    by.setdefault(langs.get(r["id"]) or "?", []).append(r["correct"])
print("per language: " + "  ".join(f"{k} {sum(v)/len(v):.2f} (n={len(v)})" for k, v in sorted(by.items())))
PY
}
score full knowledge
score documents-only "$tmp/bare"
