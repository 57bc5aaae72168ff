#!/usr/bin/env python3
"""Writes the malformed-file corpus of issue #15 (hqd-store/src/test/resources/org/hqd/store/importing/malformed/):
abstracts, register and budget files a careless clerk or a broken export could produce, each beside a line of
corpus.tsv that says what HQD must make of it (MalformedCorpusTest reads both). Deterministic: run it again and
the files are the same. Usage: python3 tools/make-malformed-corpus.py"""
import os
import random

OUT = os.path.join(os.path.dirname(__file__), "..", "hqd-store", "src", "test", "resources", "org", "hqd", "store",
                   "importing", "malformed")
HEADER = ("hospital_id,record_id,patient_id,sex,birth_date,age_years,age_days,birth_weight_g,admission_date,"
          "discharge_date,los_days,admission_route,discharge_method,department,attending_physician,principal_dx,"
          "secondary_dx,principal_proc,other_procs,proc_levels,day_surgery,payer,total_cost,cost_bed,"
          "cost_consultation,cost_exam,cost_lab,cost_treatment,cost_surgery,cost_nursing,cost_material,"
          "cost_western_drug,cost_herbal,cost_patent_drug,cost_general_service,cost_registration,cost_other")
COLUMNS = HEADER.split(",")
CHARGES = ["500.00", "100.00", "800.00", "600.00", "1200.00", "2500.00", "300.00", "1500.00", "1800.00", "0.00",
           "200.00", "300.00", "0.00", "200.00"]


def values(n):
    """A valid abstract (an appendectomy, GD25 under chs-drg-1.1) as a list of field texts."""
    return ["H001", "R%03d" % n, "P-R%03d" % n, "1", "1989-05-01", "34", "", "", "2024-03-01", "2024-03-06", "5", "1",
            "1", "普外科", "张明", "K35.800x001", "", "47.0100", "", "3", "0", "1", "10000.00"] + CHARGES


def row(n, **changes):
    v = values(n)
    for k, val in changes.items():
        v[COLUMNS.index(k)] = val
    return ",".join(v)


def rows(count, start=1):
    return [row(n) for n in range(start, start + count)]


MANIFEST = []


def write(name, data, kind, outcome, read="", imported="", rejected="", rejects="", note=""):
    path = os.path.join(OUT, name)
    data = data if isinstance(data, bytes) else data.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    MANIFEST.append([name, kind, outcome, str(read), str(imported), str(rejected), str(data_lines(data)), rejects,
                     note])


def data_lines(data):
    """Physical lines after the header that hold something other than blanks and commas (counted on the bytes)."""
    lines = data.split(b"\n")[1:]
    return sum(1 for l in lines if l.replace(b"\r", b"").replace(b",", b"").strip(b" \t") != b"")


def text(lines, end="\n", last_end=True):
    return end.join(lines) + (end if last_end else "")


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        os.remove(os.path.join(OUT, f))
    ten = rows(10)

    # stray quotes: each costs its own line, the rest is read
    lines = [HEADER] + ten
    lines[5] = row(5, department='"普外科')
    write("stray-quote-opening-a-field.csv", text(lines), "abstracts", "read", 10, 9, 1, "6:MALFORMED_LINE:引号不成对",
          "the issue's case: an opening quote that never closes; before the fix 9 rows after it were lost")
    lines = [HEADER] + ten
    lines[6] = row(6, department='普外"科')
    write("stray-quote-inside-a-field.csv", text(lines), "abstracts", "read", 10, 9, 1,
          "7:MALFORMED_LINE:字段中间有英文双引号")
    lines = [HEADER] + ten
    lines[10] = lines[10] + '"'
    write("stray-quote-at-line-end.csv", text(lines), "abstracts", "read", 10, 9, 1,
          "11:MALFORMED_LINE:字段中间有英文双引号")
    lines = [HEADER] + ten
    lines[1] = row(1, department='"普外科"一病区')
    write("text-after-closing-quote.csv", text(lines), "abstracts", "read", 10, 9, 1,
          "2:MALFORMED_LINE:右引号后紧跟其他字符")
    lines = [HEADER] + rows(10)
    lines[3] = row(3, attending_physician='"张明')
    for i in (4, 5, 6):
        lines[i] = row(i, department='"普外科,一病区"')
    write("stray-quote-before-quoted-fields.csv", text(lines), "abstracts", "read", 10, 9, 1,
          "4:MALFORMED_LINE:引号不成对", "the rows after the stray quote hold properly quoted fields")
    lines = [HEADER] + rows(12)
    for i, dept in ((2, '"普外科'), (5, '普"外科'), (9, '"普外科'), (12, '普外科"')):
        lines[i] = row(i, department=dept)
    write("many-stray-quotes.csv", text(lines), "abstracts", "read", 12, 8, 4,
          "3:MALFORMED_LINE:引号不成对;6:MALFORMED_LINE:字段中间有英文双引号;10:MALFORMED_LINE:引号不成对;"
          "13:MALFORMED_LINE:字段中间有英文双引号")
    lines = [HEADER] + ten
    lines[10] = row(10, department='"普外科')
    write("unterminated-quote-at-eof.csv", text(lines, last_end=False), "abstracts", "read", 10, 9, 1,
          "11:MALFORMED_LINE:引号未闭合", "a truncated file: the last line ends inside an open quote")
    write("unterminated-quote-before-final-newline.csv", text(lines), "abstracts", "read", 10, 9, 1,
          "11:MALFORMED_LINE:引号未闭合")

    # shapes that are fine
    lines = [HEADER] + ten
    lines[2] = row(2, department='"普外科\n一病区"')
    lines[7] = row(7, attending_physician='"张明\r\n（进修）"')
    write("embedded-newlines-in-quotes.csv", text(lines), "abstracts", "read", 10, 10, 0, "",
          "two records span two physical lines each: 10 records on 12 data lines")
    write("crlf.csv", text([HEADER] + ten, end="\r\n"), "abstracts", "read", 10, 10, 0)
    write("bom.csv", b"\xef\xbb\xbf" + text([HEADER] + ten).encode("utf-8"), "abstracts", "read", 10, 10, 0)
    write("no-newline-at-eof.csv", text([HEADER] + ten, last_end=False), "abstracts", "read", 10, 10, 0)
    quoted = [",".join('"%s"' % c for c in HEADER.split(","))] + [
        ",".join('"%s"' % v for v in values(n)) for n in range(1, 11)]
    write("every-field-quoted.csv", text(quoted, end="\r\n"), "abstracts", "read", 10, 10, 0)
    lines = [HEADER, ""] + ten[:5] + ["", ",,,,,", "   "] + ten[5:] + ["", ""]
    write("blank-lines.csv", text(lines), "abstracts", "read", 10, 10, 0, "",
          "blank lines and rows of empty fields are not data lines")
    write("header-only.csv", HEADER + "\n", "abstracts", "read", 0, 0, 0)

    # ragged rows
    lines = [HEADER] + ten
    lines[3] = lines[3].rsplit(",", 2)[0]
    lines[8] = lines[8] + ",extra"
    lines[9] = row(9, department="普外科,一病区")
    write("ragged-rows.csv", text(lines), "abstracts", "read", 10, 7, 3,
          "4:MALFORMED_LINE:有 35 个字段，表头有 37 个;9:MALFORMED_LINE:有 38 个字段，表头有 37 个;"
          "10:MALFORMED_LINE:有 38 个字段，表头有 37 个")

    # bytes that are not text
    lines = [HEADER] + ten
    lines[4] = row(4, department="普外\x00科")
    write("nul-bytes.csv", text(lines), "abstracts", "read", 10, 9, 1, "5:MALFORMED_LINE:含有 NUL 或其他控制字符")
    write("ctrl-z-at-eof.csv", text([HEADER] + ten) + "\x1a", "abstracts", "read", 11, 10, 1,
          "12:MALFORMED_LINE:含有 NUL 或其他控制字符", "an old DOS end-of-file mark is a line HQD cannot read")
    lines = [HEADER] + ten
    lines[7] = row(7, department="普外科\r一病区")
    write("bare-carriage-return.csv", text(lines), "abstracts", "read", 10, 9, 1, "8:MALFORMED_LINE:单独的回车符")
    lines = [HEADER] + ten
    lines[5] = row(5, department="科" * 30_000)
    lines[6] = row(6, total_cost="9" * 20_000)
    write("very-long-field.csv", text(lines), "abstracts", "read", 10, 9, 1, "7:FIELD_FORMAT:总费用(total_cost) 不是数值",
          "a 30,000-character department is read (and stored); a 20,000-digit cost is not a number")

    # files that cannot be delimited at all: refused whole, nothing written
    write("empty.csv", b"", "abstracts", "refused", note="文件为空")
    rnd = random.Random(15)
    write("binary-garbage.csv", bytes(rnd.randrange(256) for _ in range(20_000)), "abstracts", "refused",
          note="表头")
    write("utf16.csv", text([HEADER] + ten).encode("utf-16"), "abstracts", "refused", note="含有 NUL 或其他控制字符")
    write("cr-line-ends.csv", text([HEADER] + ten, end="\r"), "abstracts", "refused", note="单独的回车符")
    write("header-with-stray-quote.csv", text(['hospital_id,"record_id' + HEADER[len("hospital_id,record_id"):]] + ten),
          "abstracts", "refused", note="表头（第 1 行）")

    # the register and budget files go through the same reader
    reg = "hospital_id,name,province_code,city_code,county_code,tier,type,beds"
    regs = ["H%03d,合成医院%d,620000,620100,620102,COUNTY,GENERAL,%d" % (i, i, 100 + i) for i in range(1, 7)]
    regs[2] = 'H003,"合成医院3,620000,620100,620102,COUNTY,GENERAL,103'
    write("register-stray-quote.csv", text([reg] + regs), "register", "read", 6, 5, 1, "4:REGISTER_INVALID:引号不成对")
    bud = "hospital_id,year,department,item,month,amount"
    buds = ["H001,2025,普外科,%s,%d,1000.00" % (item, m) for m, item in
            ((1, "药品费"), (2, "药品费"), (3, "药品费"), (4, "药品费"), (5, "药品费"), (6, "药品费"))]
    buds[1] = 'H001,2025,"普外科,药品费,2,1000.00'
    write("budget-stray-quote.csv", text([bud] + buds), "budget", "read", 6, 5, 1, "3::引号不成对")

    with open(os.path.join(OUT, "corpus.tsv"), "w", encoding="utf-8") as f:
        f.write("# what HQD must make of each file: read (records read, imported, rejected; rejects as line:rule:text)"
                " or refused (the message holds note)\n")
        f.write("# data_lines: physical lines after the header that are not blank (blanks and commas only), counted on the"
                " bytes; it equals read except where a quoted field legitimately spans lines\n")
        f.write("file\tkind\toutcome\tread\timported\trejected\tdata_lines\trejects\tnote\n")
        for m in MANIFEST:
            f.write("\t".join(m) + "\n")


if __name__ == "__main__":
    main()
