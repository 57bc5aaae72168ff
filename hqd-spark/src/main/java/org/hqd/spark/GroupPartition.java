package org.hqd.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.casemix.abstracts.Charges;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.io.abstracts.AbstractHeader;
import org.hqd.io.abstracts.AbstractRowParser;
import org.hqd.io.abstracts.ParsedAbstract;
import org.hqd.io.abstracts.RowFindings;
import org.hqd.io.abstracts.StringFields;
import org.hqd.quality.AbstractQualityChecks;
import org.hqd.quality.QualityFinding;
import org.hqd.quality.QualityRuleCatalog;
import org.hqd.quality.Severity;

/**
 * Parses, checks and groups the abstracts of a partition exactly as the embedded import does (the same parser, the
 * same quality rules: a row with an error is kept out, with its rule ids), with the rule pack broadcast once and
 * compiled once per executor JVM. Each input row is the abstract's fields as strings in the order of the header.
 */
final class GroupPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    /** Compiled groupers of this JVM, by broadcast id: a broadcast pack is compiled once per executor. */
    private static final ConcurrentHashMap<Long, DrgGrouper> GROUPERS = new ConcurrentHashMap<>();

    /** The columns of the grouped cases: those the store's case_records has that the SQL of the job reads. */
    static final StructType CASES = SparkCaseSchema.of(List.of(AbstractColumn.HOSPITAL_ID, AbstractColumn.RECORD_ID,
            AbstractColumn.PATIENT_ID, AbstractColumn.ADMISSION_DATE, AbstractColumn.DISCHARGE_DATE,
            AbstractColumn.LOS_DAYS, AbstractColumn.DISCHARGE_METHOD, AbstractColumn.DEPARTMENT,
            AbstractColumn.ATTENDING_PHYSICIAN, AbstractColumn.PRINCIPAL_PROC, AbstractColumn.OTHER_PROCS,
            AbstractColumn.PROC_LEVELS, AbstractColumn.DAY_SURGERY, AbstractColumn.TOTAL_COST,
            AbstractColumn.COST_WESTERN_DRUG, AbstractColumn.COST_HERBAL, AbstractColumn.COST_PATENT_DRUG,
            AbstractColumn.COST_MATERIAL, AbstractColumn.COST_EXAM, AbstractColumn.COST_LAB,
            AbstractColumn.ADMISSION_ROUTE, AbstractColumn.PRINCIPAL_DX, AbstractColumn.SECONDARY_DX,
            AbstractColumn.ADMISSION_CONDITIONS, AbstractColumn.PROC_DATES, AbstractColumn.PROC_WOUND_CLASSES,
            AbstractColumn.PROC_HEALING),
            "status", "mdc", "adrg", "drg", "rejected_rules");

    private final Broadcast<RulePack> pack;
    private final List<String> header;

    GroupPartition(Broadcast<RulePack> pack, List<String> header) {
        this.pack = pack;
        this.header = List.copyOf(header);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        DrgGrouper grouper = GROUPERS.computeIfAbsent(pack.id(), id -> DrgGrouper.of(pack.value()));
        AbstractQualityChecks checks = new AbstractQualityChecks(QualityRuleCatalog.standard(), grouper::knowsCode);
        AbstractRowParser parser = new AbstractRowParser(AbstractHeader.of(header, required(), "spark"));
        List<Row> out = new ArrayList<>();
        String[] fields = new String[header.size()];
        while (rows.hasNext()) {
            Row r = rows.next();
            for (int i = 0; i < fields.length; i++) {
                fields[i] = r.isNullAt(i) ? "" : r.getString(i);
            }
            ParsedAbstract parsed = parser.parse(new StringFields(fields, 0));
            DischargeAbstract a = parsed.abstract_();
            List<QualityFinding> found = RowFindings.of(parsed, checks);
            StringBuilder errors = new StringBuilder();
            for (QualityFinding f : found) {
                if (f.rule().severity() == Severity.ERROR && errors.indexOf(f.rule().id()) < 0) {
                    errors.append(errors.length() == 0 ? "" : "|").append(f.rule().id());
                }
            }
            if (errors.length() > 0) {
                out.add(RowFactory.create(a.hospitalId(), a.recordId(), null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, errors.toString()));
                continue;
            }
            GroupingResult g = grouper.group(a);
            Charges c = a.charges();
            boolean charged = !c.equals(Charges.NONE);
            out.add(RowFactory.create(a.hospitalId(), a.recordId(), blankToNull(a.patientId()), date(a.admissionDate()),
                    date(a.dischargeDate()), a.losDays() >= 0 ? a.losDays() : null, blankToNull(a.dischargeMethod()),
                    blankToNull(a.department()), blankToNull(a.attendingPhysician()), blankToNull(a.principalProc()),
                    String.join("|", a.otherProcs()), join(a.procLevels()), a.daySurgery(), amount(a.totalCost()),
                    charge(charged, c, ChargeCategory.WESTERN_DRUG), charge(charged, c, ChargeCategory.HERBAL),
                    charge(charged, c, ChargeCategory.PATENT_DRUG), charge(charged, c, ChargeCategory.MATERIAL),
                    charge(charged, c, ChargeCategory.EXAM), charge(charged, c, ChargeCategory.LAB),
                    blankToNull(a.admissionRoute()), blankToNull(a.principalDx()), String.join("|", a.secondaryDx()),
                    String.join("|", a.admissionConditions()), String.join("|", a.procDates()),
                    String.join("|", a.woundClasses()), String.join("|", a.woundHealing()),
                    g.status().name(), blankToNull(g.mdc()), blankToNull(g.adrg()), blankToNull(g.drg()), null));
        }
        return out.iterator();
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static java.sql.Date date(java.time.LocalDate d) {
        return d == null ? null : java.sql.Date.valueOf(d);
    }

    private static Double amount(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static Double charge(boolean charged, Charges c, ChargeCategory k) {
        return charged ? amount(c.get(k)) : null;
    }

    private static String join(List<Integer> levels) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < levels.size(); i++) {
            s.append(i > 0 ? "|" : "").append(levels.get(i));
        }
        return s.toString();
    }

    /** The abstract columns the header must have, as the embedded import requires them. */
    static java.util.Set<AbstractColumn> required() {
        return java.util.EnumSet.of(AbstractColumn.HOSPITAL_ID, AbstractColumn.RECORD_ID, AbstractColumn.PRINCIPAL_DX);
    }
}
