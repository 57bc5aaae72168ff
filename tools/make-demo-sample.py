#!/usr/bin/env python3
"""Writes the bundled demo sample of `hqd demo` (hqd-cli/src/main/resources/demo/sample-abstracts.csv):
synthetic cases of the CHS-DRG 1.1 conformance set in the canonical abstract columns, spread over five
hospitals, plus a few rows with the kinds of bad input the grouper must report. Deterministic."""
import csv, gzip, io, os, random, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
src = os.path.join(root, 'hqd-casemix-data/src/main/resources/casemix/conformance/chs-drg-1.1.csv.gz')
dst = os.path.join(root, 'hqd-cli/src/main/resources/demo/sample-abstracts.csv')
rng = random.Random(20261123)
cols = ['hospital_id', 'record_id', 'sex', 'age_years', 'age_days', 'birth_weight_g', 'los_days',
        'discharge_method', 'department', 'principal_dx', 'secondary_dx', 'principal_proc', 'other_procs']
rows = []
with gzip.open(src, 'rt', encoding='utf-8') as f:
    for i, r in enumerate(csv.DictReader(f)):
        if i >= 3000:
            break
        dx = [d for d in r['ICD10'].split('|') if d]
        px = [p for p in r['ICD9'].split('|') if p]
        age = int(r['age'])
        rows.append({
            'hospital_id': 'H%03d' % (1 + i % 5), 'record_id': 'D%06d' % (i + 1), 'sex': r['gender'],
            'age_years': age, 'age_days': '' if age >= 1 and rng.random() < 0.3 else r['ageDay'],
            'birth_weight_g': r['weight'], 'los_days': r['inHospitalTime'], 'discharge_method': r['leavingType'],
            'department': '', 'principal_dx': dx[0] if dx else '', 'secondary_dx': '|'.join(dx[1:]),
            'principal_proc': px[0] if px else '', 'other_procs': '|'.join(px[1:])})
bad = [dict(rows[0], record_id='BAD001', sex=''),
       dict(rows[1], record_id='BAD002', principal_dx='', secondary_dx=''),
       dict(rows[2], record_id='BAD003', age_years='0', age_days='5', birth_weight_g=''),
       dict(rows[3], record_id='BAD004', age_years='五十'),
       dict(rows[4], record_id='BAD005', principal_dx='X99.999x999')]
out = io.StringIO()
w = csv.DictWriter(out, fieldnames=cols, lineterminator='\n')
w.writeheader()
for k, r in enumerate(rows):
    w.writerow(r)
    if k % 600 == 299:
        w.writerow(bad[k // 600])
out.write('H001,BAD006,1,45,,,7,1,,K35.800x001,"J18.900,\n')  # an unterminated quote at the end: a truncated file
open(dst, 'w', encoding='utf-8').write(out.getvalue())
print(dst, len(rows) + len(bad) + 1, 'rows')
