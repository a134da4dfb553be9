#!/usr/bin/env bash
# Scores the release binary on a question set, full and documents-only (facts.toml and
# synonyms.toml emptied, as an admin's new uncurated document would be answered), with a
# per-language breakdown when the set has a "lang" field.
# Usage: scripts/evaluate.sh QUESTIONS.jsonl [extra evaluate.py flags]
# ICTBOT_BIN=path scores another build (say, main's) against the same set.
set -euo pipefail
cd "$(dirname "$0")/.."
set_file=$1
shift
extra=("$@")
shared="${SHARED_DIR:-../shared}"
bin="${ICTBOT_BIN:-target/release/ictbot}"
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
  python3 -c 'import json,sys; [print(json.loads(l)["question"]) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]' \
    "$set_file" | "$bin" ask --json --knowledge "$dir" >"$tmp/$label.answers"
  python3 - "$set_file" "$tmp/$label.json" "$tmp/$label.answers" <<'PY'
import json, sys
langs = {}
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        q = json.loads(line)
        langs[q["id"]] = q.get("lang")
results = json.load(open(sys.argv[2]))["results"]
confidence = [json.loads(line).get("confidence") for line in open(sys.argv[3], encoding="utf-8")]
# Hedging: a right answer should not carry "not sure"; a wrong one (a wrong quote, or an
# answer where the bot should have declined) should.
right = [c for r, c in zip(results, confidence) if r["in_scope"] and r["correct"]]
wrong = [c for r, c in zip(results, confidence) if r["answered"] and not r["correct"]]
share = lambda part, whole: f"{part}/{whole}" + (f" = {part / whole:.2f}" if whole else "")
print(f"hedging: right answers hedged {share(right.count('unsure'), len(right))};"
      f" wrong answers not hedged {share(wrong.count('sure'), len(wrong))}")
if any(langs.values()):
    by = {}
    for r in results:
        by.setdefault(langs.get(r["id"]) or "?", []).append(r["correct"])
    print("per language: " + "  ".join(f"{k} {sum(v)/len(v):.2f} (n={len(v)})" for k, v in sorted(by.items())))
PY
}
score full knowledge
score documents-only "$tmp/bare"
