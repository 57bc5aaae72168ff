#!/usr/bin/env bash
# Copies the verified case-mix data of ../shared/casemix into the product, gzip-compressed:
#   rule packs and dictionaries -> hqd-casemix-data (shipped as classpath resources)
#   conformance cases           -> hqd-casemix-data too (shipped: `hqd schemes --verify` runs them)
# Run it again when shared/casemix changes; the output is deterministic (gzip -n).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-$root/../shared/casemix}
dst=$root/hqd-casemix-data/src/main/resources/casemix
conf=$root/hqd-casemix-data/src/main/resources/casemix/conformance
rm -rf "$dst" "$conf"
mkdir -p "$dst/rulepacks" "$dst/dictionaries" "$conf"
for p in "$src"/rulepacks/*/; do
  id=$(basename "$p"); mkdir -p "$dst/rulepacks/$id"
  cp "$p/pack.json" "$dst/rulepacks/$id/"
  for f in rules.json cc.tsv mcc.tsv cc_exclusion.tsv or_procedures.tsv; do
    gzip -9 -n -c "$p/$f" > "$dst/rulepacks/$id/$f.gz"
  done
  echo "$id" >> "$dst/rulepacks/index.txt"
done
for d in "$src"/dictionaries/*/; do
  id=$(basename "$d"); mkdir -p "$dst/dictionaries/$id"
  for f in diagnoses.tsv procedures.tsv diagnosis_map.tsv procedure_map.tsv; do
    gzip -9 -n -c "$d/$f" > "$dst/dictionaries/$id/$f.gz"
  done
done
for f in "$src"/conformance/*.csv; do gzip -9 -n -c "$f" > "$conf/$(basename "$f").gz"; done
du -sh "$dst" "$conf"
