#!/usr/bin/env python3
"""Writes N canonical abstract rows (the grouping columns) for grouping benchmarks, cycling through the
synthetic conformance cases of one pack: tools/make-bench-input.py N OUT.csv [pack]. Deterministic."""
import csv, gzip, os, sys

n, dst = int(sys.argv[1]), sys.argv[2]
pack = sys.argv[3] if len(sys.argv) > 3 else 'chs-drg-1.1'
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
src = os.path.join(root, 'hqd-casemix-data/src/main/resources/casemix/conformance', pack + '.csv.gz')
with gzip.open(src, 'rt', encoding='utf-8') as f:
    cases = list(csv.DictReader(f))
lines = []
for r in cases:
    dx = r['ICD10'].split('|'); px = [p for p in r['ICD9'].split('|') if p]
    lines.append(','.join([r['gender'], r['age'], r['ageDay'], r['weight'], r['inHospitalTime'], r['leavingType'],
                           dx[0], '|'.join(dx[1:]), px[0] if px else '', '|'.join(px[1:])]))
with open(dst, 'w', encoding='utf-8') as out:
    out.write('hospital_id,record_id,sex,age_years,age_days,birth_weight_g,los_days,discharge_method,'
              'principal_dx,secondary_dx,principal_proc,other_procs\n')
    for i in range(n):
        out.write('H%03d,R%09d,%s\n' % (i % 50, i, lines[i % len(lines)]))
print(dst, n, 'rows')
