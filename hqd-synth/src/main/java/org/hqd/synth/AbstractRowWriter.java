package org.hqd.synth;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.hospital.HospitalType;

/**
 * Writes a {@link Stay} as one line of {@code abstracts.csv}, in the order of {@link AbstractColumn}. Every text
 * it writes is a code or a fixed name without commas, quotes or line breaks, so no field needs quoting.
 */
final class AbstractRowWriter {
    private static final byte[] RECORD_PREFIX = CsvBytes.utf8("ZY");

    private final byte[][] hospitalIds;
    private final byte[][] labels;
    private final byte[][] tcmLabels;
    private final byte[][] codes;
    private final byte[][] payers;
    private final boolean[] tcm;
    private final long patientKey;
    private final OperationDetails operations;

    AbstractRowWriter(List<Hospital> hospitals, long seed) {
        hospitalIds = new byte[hospitals.size()][];
        tcm = new boolean[hospitals.size()];
        for (Hospital h : hospitals) {
            hospitalIds[h.index()] = CsvBytes.utf8(h.id());
            tcm[h.index()] = h.type() == HospitalType.TCM;
        }
        Department[] ds = Department.values();
        labels = new byte[ds.length][];
        tcmLabels = new byte[ds.length][];
        codes = new byte[ds.length][];
        for (Department d : ds) {
            labels[d.ordinal()] = CsvBytes.utf8(d.label());
            tcmLabels[d.ordinal()] = CsvBytes.utf8(d.tcmLabel());
            codes[d.ordinal()] = CsvBytes.utf8("-" + d.code() + "-");
        }
        payers = new byte[StayGenerator.PAYERS.length][];
        for (int i = 0; i < payers.length; i++) {
            payers[i] = CsvBytes.utf8(String.valueOf(StayGenerator.PAYERS[i]));
        }
        patientKey = Seeds.mix(seed);
        operations = new OperationDetails(hospitals, seed);
    }

    /**
     * The header line: the canonical columns in enum order up to the 14 charge categories, then 入院病情,
     * 手术操作日期, 切口等级, 切口愈合类别 and 麻醉方式 (the optional fields of the national indicators generated: a
     * condition per diagnosis; every operation of a stay on one date, so a stay with operations is one 台次; the
     * operations' incision, healing and anaesthesia from {@link OperationDetails}).
     */
    static String header() {
        return Stream.concat(Stream.of(AbstractColumn.values())
                        .filter(c -> c.ordinal() <= AbstractColumn.COST_OTHER.ordinal()),
                Stream.of(AbstractColumn.ADMISSION_CONDITIONS, AbstractColumn.PROC_DATES,
                        AbstractColumn.PROC_WOUND_CLASSES, AbstractColumn.PROC_HEALING, AbstractColumn.PROC_ANAESTHESIA))
                .map(AbstractColumn::column).collect(Collectors.joining(","));
    }

    void write(Stay s, CsvBytes out) {
        int h = s.hospital.index();
        CaseTemplate t = s.template;
        out.bytes(hospitalIds[h]).comma();
        out.bytes(RECORD_PREFIX).padded(s.row + 1, 10).comma();
        out.ascii('P').padded(PatientIds.code(s.patient, patientKey), 12).comma();
        out.ascii(s.sex).comma();
        out.date(s.birth).comma();
        out.number(s.ageYears).comma();
        if (s.ageDays >= 0) {
            out.number(s.ageDays);
        }
        out.comma();
        if (s.birthWeight > 0) {
            out.number(s.birthWeight);
        }
        out.comma();
        out.date(s.admission).comma();
        out.date(s.discharge).comma();
        out.number(s.los).comma();
        out.ascii(s.route).comma();
        out.ascii(s.method).comma();
        int d = s.department.ordinal();
        out.bytes(tcm[h] ? tcmLabels[d] : labels[d]).comma();
        out.bytes(hospitalIds[h]).bytes(codes[d]).padded(s.physician, 2).comma();
        out.bytes(t.principalDx()).comma();
        out.bytes(t.secondaryDx()).comma();
        out.bytes(t.principalProc()).comma();
        out.bytes(t.otherProcs()).comma();
        for (int i = 0; i < t.levels().length; i++) {
            if (i > 0) {
                out.ascii('|');
            }
            out.ascii((char) ('0' + s.levels[i]));
        }
        out.comma();
        out.ascii(s.daySurgery ? '1' : '0').comma();
        out.bytes(payers[s.payer]).comma();
        out.cents(s.total);
        for (long c : s.charges) {
            out.comma().cents(c);
        }
        out.comma();
        for (int i = 0; i < s.diagnoses; i++) {
            if (i > 0) {
                out.ascii('|');
            }
            out.ascii(s.conditions[i]);
        }
        out.comma();
        // the operations on the day after admission (a day surgery or a one-day stay: the admission day)
        long day = s.daySurgery || s.discharge <= s.admission ? s.admission : s.admission + 1;
        int procedures = procedures(t);
        for (int i = 0; i < procedures; i++) {
            if (i > 0) {
                out.ascii('|');
            }
            out.date(day);
        }
        out.comma();
        operations.write(s, out);
        out.newline();
    }

    /** How many procedures a template has: the principal one (if any) and the '|'-separated others. */
    static int procedures(CaseTemplate t) {
        int n = t.principalProc().length > 0 ? 1 : 0;
        if (t.otherProcs().length > 0) {
            n++;
            for (byte b : t.otherProcs()) {
                if (b == '|') {
                    n++;
                }
            }
        }
        return n;
    }
}
