#!/usr/bin/env bash
# fuzz/seed.sh — (re)build the seed corpora from the test suite:
#   fuzz/corpus/compile  every tests/**/*.gs and examples/*.gs
#   fuzz/corpus/run      the same, minus tests marked `# slow` and those
#                        bigger than 16 KiB (they would only eat the budget)
#   fuzz/corpus/json     fuzz/json-seeds/* plus every string literal passed to
#                        json.decode(...) in tests/lib/json/*.gs
# The seeds are regenerated from scratch; fuzzing adds its finds to
# build/fuzz/corpus/, never here.
set -eu
cd "$(dirname "$0")/.."
rm -rf fuzz/corpus
mkdir -p fuzz/corpus/compile fuzz/corpus/run fuzz/corpus/json

n=0
while IFS= read -r f; do
  name=$(printf '%s' "$f" | tr '/' '_')
  cp "$f" "fuzz/corpus/compile/$name"
  if ! grep -q '# slow$' "$f" && [ "$(wc -c <"$f")" -le 16384 ]; then
    cp "$f" "fuzz/corpus/run/$name"
  fi
  n=$((n + 1))
done < <(find tests examples -name '*.gs' -type f | LC_ALL=C sort)

cp fuzz/json-seeds/* fuzz/corpus/json/
python3 - <<'PY'
import re, glob, os
out = "fuzz/corpus/json"
k = 0
for path in sorted(glob.glob("tests/lib/json/*.gs")):
    src = open(path, encoding="utf-8", errors="replace").read()
    for m in re.finditer(r"""json\.decode\(\s*('((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)")\s*\)""", src):
        body = m.group(2) if m.group(2) is not None else m.group(3)
        if "${" in body:
            continue
        # undo the GreenScript escapes that matter for JSON text
        body = re.sub(r"\\(['\"\\$])", r"\1", body).replace("\\n", "\n").replace("\\t", "\t")
        k += 1
        with open(os.path.join(out, "%s_%d.json" % (os.path.basename(path)[:-3], k)), "w", encoding="utf-8") as f:
            f.write(body)
PY
touch fuzz/corpus/compile/.seeded
echo "fuzz/seed.sh: $n scripts; $(ls fuzz/corpus/run | wc -l) run seeds; $(ls fuzz/corpus/json | wc -l) json seeds"
