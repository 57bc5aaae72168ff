package org.hqd.store.importing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.abstracts.Charges;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.grouping.ClinicalCodes;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.layout.CodeEdition;
import org.hqd.io.abstracts.AbstractHeader;
import org.hqd.io.abstracts.AbstractRowParser;
import org.hqd.io.abstracts.ParsedAbstract;
import org.hqd.io.abstracts.RowFindings;
import org.hqd.io.layout.AbstractFile;
import org.hqd.io.layout.RecordBatch;
import org.hqd.quality.AbstractQualityChecks;
import org.hqd.quality.QualityFinding;
import org.hqd.quality.Severity;
import org.hqd.store.OwnerOnly;
import org.hqd.store.Pseudonymizer;
import org.jspecify.annotations.Nullable;

/**
 * The Java half of importing an abstracts file: reads it in parallel chunks, checks every row against the
 * quality rules, groups the rows that pass, pseudonymises patient ids, and writes staging CSVs for the
 * database — accepted cases (canonical columns + grouping + flags; one file per hospital range of
 * {@link HospitalBuckets}, so the store receives them clustered by hospital) and findings (rule, line,
 * message) — while
 * hashing the file's content: the SHA-256 of the chunks' SHA-256s in order (chunking depends only on the
 * content, so equal files hash equal), computed on the workers. Nothing here touches the database.
 */
final class AbstractStaging {
    /**
     * What staging produced.
     *
     * @param caseFiles      the accepted cases, one file per hospital range, in range order
     * @param repeatPossible whether two accepted rows may have the same hospital_id + record_id (see {@link SeenKeys})
     * @param oneHospital    whether all accepted rows are of one hospital
     */
    record Staged(long read, long rejected, long warned, Map<String, Long> findingsByRule, String contentHash,
                  List<Path> caseFiles, boolean repeatPossible, boolean oneHospital, long mappedRows) { }

    /** A chunk's staging lines; cases ordered by hospital range, range b at {@code [rangeEnds[b-1], rangeEnds[b])}. */
    private record Part(byte[] cases, int[] rangeEnds, long[] keyHashes, int accepted,
                        @Nullable String hospital, boolean manyHospitals, StagingLines findings, long read,
                        long rejected, long warned, Map<String, Long> byRule, byte[] digest, long mapped) { }

    /** The least size of a staged case file handed to the store (a few row groups of the store's tables). */
    static final long FILE_BYTES = 256L << 20;
    /** The first capacity of a batch's case lines (a CSV chunk of 1 MiB gives about this much). */
    private static final int CASE_BYTES = 5 << 18;
    /** The case schema's columns after the key (hospital_id, record_id), in staging order. */
    private static final AbstractColumn[] AFTER_KEY = Arrays.copyOfRange(AbstractColumn.values(), 2,
            AbstractColumn.values().length);

    private final DrgGrouper grouper;
    private final AbstractQualityChecks checks;
    private final Pseudonymizer pseudonymizer;
    private final HospitalBuckets ranges;
    private final UnaryOperator<String> hospitals;
    private final java.util.function.Predicate<String> registered;
    private final ClinicalCodes codes;
    private final int threads;

    /**
     * @param hospitals  a file's hospital code → the register's hospital id (an org code is matched, see
     *                   {@link Importer})
     * @param registered whether a hospital id is one of the register's (a row of another hospital is rejected:
     *                   HOSPITAL_UNREGISTERED)
     */
    AbstractStaging(DrgGrouper grouper, AbstractQualityChecks checks, Pseudonymizer pseudonymizer,
                    HospitalBuckets ranges, UnaryOperator<String> hospitals,
                    java.util.function.Predicate<String> registered, int threads) {
        this.grouper = grouper;
        this.checks = checks;
        this.pseudonymizer = pseudonymizer;
        this.ranges = ranges;
        this.hospitals = hospitals;
        this.registered = registered;
        this.codes = new ClinicalCodes(grouper.pack().dictionary());
        this.threads = threads;
    }

    /**
     * Stages an abstracts file (any layout): case files per hospital range in {@code work}, and the findings.
     *
     * @param file the file's name, as findings name it
     *
     * @throws org.hqd.HqdException when the file lacks a column every row must have, or repeats one
     */
    Staged run(AbstractFile in, String file, Path work, Path findingsCsv) throws IOException {
        MessageDigest sha = sha256();
        AbstractHeader header = in.header(AbstractColumn.FOR_IMPORT);
        long[] totals = new long[4];
        boolean mapCodes = in.layout().codeEdition() == CodeEdition.CLINICAL;
        Map<String, Long> byRule = new HashMap<>();
        ThreadLocal<Pseudonymizer> pseudonymizers = ThreadLocal.withInitial(pseudonymizer::copy);
        OutputStream[] cases = new OutputStream[ranges.count()];
        SeenKeys seen = new SeenKeys();
        String[] hospital = {null};
        boolean[] manyHospitals = {false};
        try (OutputStream findings = OwnerOnly.newFile(findingsCsv)) {
            in.run(threads, batch -> stage(batch, header, file, pseudonymizers.get(), mapCodes),
                    p -> {
                        sha.update(p.digest());
                        int from = 0;
                        for (int b = 0; b < cases.length; b++) {
                            int to = p.rangeEnds()[b];
                            if (to > from) {
                                if (cases[b] == null) {
                                    cases[b] = new BufferedOutputStream(OwnerOnly.newFile(caseFile(work, b)), 1 << 16);
                                }
                                cases[b].write(p.cases(), from, to - from);
                            }
                            from = to;
                        }
                        for (int i = 0; i < p.accepted(); i++) {
                            seen.add(p.keyHashes()[i]);
                        }
                        if (p.hospital() != null) {
                            manyHospitals[0] |= p.manyHospitals()
                                    || (hospital[0] != null && !hospital[0].equals(p.hospital()));
                            hospital[0] = p.hospital();
                        }
                        p.findings().writeTo(findings);
                        totals[0] += p.read();
                        totals[1] += p.rejected();
                        totals[2] += p.warned();
                        totals[3] += p.mapped();
                        p.byRule().forEach((k, v) -> byRule.merge(k, v, Long::sum));
                    });
        } finally {
            for (OutputStream o : cases) {
                if (o != null) {
                    o.close();
                }
            }
        }
        List<Path> caseFiles = new ArrayList<>();
        for (int b = 0; b < cases.length; b++) {
            if (cases[b] != null) {
                caseFiles.add(caseFile(work, b));
            }
        }
        if (caseFiles.isEmpty()) { // every row rejected: an empty file keeps the store's statements the same
            caseFiles.add(Files.createFile(caseFile(work, 0), OwnerOnly.fileAttributes()));
        }
        caseFiles = consolidated(caseFiles, work);
        return new Staged(totals[0], totals[1], totals[2], byRule, java.util.HexFormat.of().formatHex(sha.digest()),
                caseFiles, seen.repeatPossible(), !manyHospitals[0], totals[3]);
    }

    /**
     * Joins consecutive range files into files of at least {@link #FILE_BYTES} (order kept). The store writes each
     * file's last row group partly filled, and merges such row groups again when it checkpoints: with a file per
     * hospital that rewrote most of a province's import (4.7 s of 10 million rows); with large files only the
     * few last row groups are merged. A range file that is large enough on its own is kept as it is.
     */
    private static List<Path> consolidated(List<Path> files, Path work) throws IOException {
        List<Path> out = new ArrayList<>();
        List<Path> group = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < files.size(); i++) {
            group.add(files.get(i));
            bytes += Files.size(files.get(i));
            if (bytes >= FILE_BYTES || i == files.size() - 1) {
                out.add(group.size() == 1 ? group.get(0) : joined(group, work.resolve("cases-joined-" + out.size()
                        + ".csv")));
                group.clear();
                bytes = 0;
            }
        }
        return out;
    }

    private static Path joined(List<Path> parts, Path target) throws IOException {
        try (FileChannel to = FileChannel.open(target, OwnerOnly.newFileOptions(), OwnerOnly.fileAttributes())) {
            for (Path p : parts) {
                try (FileChannel from = FileChannel.open(p, StandardOpenOption.READ)) {
                    long size = from.size();
                    for (long at = 0; at < size; ) {
                        at += from.transferTo(at, size - at, to);
                    }
                }
                Files.delete(p);
            }
        }
        return target;
    }

    private static Path caseFile(Path work, int range) {
        return work.resolve(String.format("cases-%03d.csv", range));
    }

    private Part stage(RecordBatch batch, AbstractHeader header, String file, Pseudonymizer pseudo, boolean mapCodes) {
        RecordBatch.Rows rows = batch.rows();
        AbstractRowParser parser = new AbstractRowParser(header, hospitals);
        StagingLines cases = new StagingLines(CASE_BYTES);
        StagingLines findings = new StagingLines(256);
        int[] rangeOfLine = new int[1024];
        int[] lineEnds = new int[1024];
        long[] keyHashes = new long[1024];
        String hospital = null;
        boolean manyHospitals = false;
        int lines = 0;
        long read = 0;
        long rejected = 0;
        long warned = 0;
        Map<String, Long> byRule = new HashMap<>();
        String scheme = grouper.pack().id();
        long mappedRows = 0;
        while (rows.next()) {
            read++;
            ParsedAbstract row = parser.parse(rows.fields());
            String mapped = "";
            Optional<String> lostPrincipal = Optional.empty();
            if (mapCodes) {
                ClinicalCodes.Mapped m = codes.map(row.abstract_());
                if (!m.mapped().isEmpty()) {
                    row = new ParsedAbstract(row.line(), m.abstract_(), row.problems());
                    mapped = String.join("|", m.mapped());
                    mappedRows++;
                }
                lostPrincipal = m.unmappedPrincipal();
            }
            DischargeAbstract a = row.abstract_();
            List<QualityFinding> found = findings(row, lostPrincipal);
            boolean error = false;
            String flags = "";
            Set<String> rowRules = found.isEmpty() ? Set.of() : new HashSet<>(4);
            for (QualityFinding f : found) {
                boolean firstOfRule = rowRules.add(f.rule().id());
                if (firstOfRule) {
                    byRule.merge(f.rule().id(), 1L, Long::sum); // rows failing the rule, not findings
                }
                error |= f.rule().severity() == Severity.ERROR;
                if (f.rule().severity() == Severity.WARNING && firstOfRule) {
                    flags = flags.isEmpty() ? f.rule().id() : flags + "|" + f.rule().id();
                }
                findings.text(file).whole(row.line()).text(a.hospitalId()).text(a.recordId())
                        .text(period(a)).text(f.rule().id()).text(f.rule().dimension())
                        .text(f.rule().severity().name()).text(f.message()).end();
            }
            if (error) {
                rejected++;
                continue;
            }
            if (!found.isEmpty()) {
                warned++;
            }
            GroupingResult g = grouper.group(a);
            int start = cases.length();
            cases.text(a.hospitalId()).text(a.recordId());
            long keyHash = cases.hash(start, cases.length());
            appendCase(cases, start, a, pseudo.pseudonym(a.patientId()), scheme, g, flags, mapped, row.line());
            if (lines == lineEnds.length) {
                lineEnds = Arrays.copyOf(lineEnds, lines * 2);
                rangeOfLine = Arrays.copyOf(rangeOfLine, lines * 2);
                keyHashes = Arrays.copyOf(keyHashes, lines * 2);
            }
            if (hospital == null) {
                hospital = a.hospitalId();
            } else if (!manyHospitals && !hospital.equals(a.hospitalId())) {
                manyHospitals = true;
            }
            rangeOfLine[lines] = ranges.of(a.hospitalId());
            keyHashes[lines] = keyHash;
            lineEnds[lines++] = cases.length();
        }
        MessageDigest chunkSha = sha256();
        batch.digest(chunkSha);
        int[] rangeEnds = new int[ranges.count()];
        byte[] ordered = byRange(cases, rangeOfLine, lineEnds, lines, rangeEnds);
        return new Part(ordered, rangeEnds, keyHashes, lines, hospital, manyHospitals, findings, read, rejected,
                warned, byRule, chunkSha.digest(), mappedRows);
    }

    /**
     * The case lines grouped by hospital range (a stable counting sort: lines keep their order within a range);
     * fills {@code rangeEnds} with where each range's lines end.
     */
    private static byte[] byRange(StagingLines cases, int[] rangeOfLine, int[] lineEnds, int lines, int[] rangeEnds) {
        byte[] src = cases.array();
        if (rangeEnds.length == 1) {
            rangeEnds[0] = cases.length();
            return Arrays.copyOf(src, cases.length());
        }
        for (int i = 0, start = 0; i < lines; start = lineEnds[i++]) {
            rangeEnds[rangeOfLine[i]] += lineEnds[i] - start;
        }
        int[] next = new int[rangeEnds.length];
        for (int b = 0, at = 0; b < rangeEnds.length; b++) {
            next[b] = at;
            at += rangeEnds[b];
            rangeEnds[b] = at;
        }
        byte[] out = new byte[cases.length()];
        for (int i = 0, start = 0; i < lines; start = lineEnds[i++]) {
            int n = lineEnds[i] - start;
            System.arraycopy(src, start, out, next[rangeOfLine[i]], n);
            next[rangeOfLine[i]] += n;
        }
        return out;
    }

    /**
     * The row's findings; a principal diagnosis whose clinical code could not be mapped is reported as such
     * (PRINCIPAL_DX_UNMAPPED), not as a code the scheme does not know.
     */
    private List<QualityFinding> findings(ParsedAbstract row, Optional<String> lostPrincipal) {
        List<QualityFinding> found = RowFindings.of(row, checks);
        String hospital = row.abstract_().hospitalId();
        // a malformed line is only that (RowFindings): its first field is no hospital code
        if (!hospital.isEmpty() && !row.malformed() && !registered.test(hospital)) {
            found = new ArrayList<>(found);
            found.add(checks.finding("HOSPITAL_UNREGISTERED", hospital));
        }
        if (lostPrincipal.isEmpty()) {
            return found;
        }
        List<QualityFinding> out = new ArrayList<>(found.size() + 1);
        out.add(checks.finding("PRINCIPAL_DX_UNMAPPED", lostPrincipal.get()));
        for (QualityFinding f : found) {
            if (!f.rule().id().equals("PRINCIPAL_DX_UNKNOWN")) {
                out.add(f);
            }
        }
        return out;
    }

    private static String period(DischargeAbstract a) {
        return a.dischargeDate() == null ? "" : a.dischargeDate().toString().substring(0, 7);
    }

    /**
     * Completes a case's staging line, whose key fields (hospital_id, record_id) start at {@code start}: the other
     * columns of the case schema in its order ({@link StagingTables#CASE_COLUMNS}), the result columns, and the line
     * number and a content hash: a hash of the stored values (not of the input bytes), so the same row sent again in
     * another encoding, format or layout is recognised as unchanged.
     */
    private static void appendCase(StagingLines l, int start, DischargeAbstract a, String patient, String scheme,
                                   GroupingResult g, String flags, String mapped, long line) {
        boolean charged = !a.charges().equals(Charges.NONE);
        for (AbstractColumn c : AFTER_KEY) {
            switch (c) {
                case PATIENT_ID -> l.text(patient);
                case SEX -> l.text(a.sex().code());
                case BIRTH_DATE -> l.date(a.birthDate());
                case AGE_YEARS -> l.whole(a.ageYears());
                case AGE_DAYS -> l.whole(a.ageDays());
                case BIRTH_WEIGHT_G -> l.whole(a.birthWeightG());
                case ADMISSION_DATE -> l.date(a.admissionDate());
                case DISCHARGE_DATE -> l.date(a.dischargeDate());
                case LOS_DAYS -> l.whole(a.losDays());
                case ADMISSION_ROUTE -> l.text(a.admissionRoute());
                case DISCHARGE_METHOD -> l.text(a.dischargeMethod());
                case DEPARTMENT -> l.text(a.department());
                case ATTENDING_PHYSICIAN -> l.text(a.attendingPhysician());
                case PRINCIPAL_DX -> l.text(a.principalDx());
                case SECONDARY_DX -> l.list(a.secondaryDx());
                case PRINCIPAL_PROC -> l.text(a.principalProc());
                case OTHER_PROCS -> l.list(a.otherProcs());
                case PROC_LEVELS -> l.list(a.procLevels());
                case DAY_SURGERY -> l.bool(a.daySurgery());
                case PAYER -> l.text(a.payer());
                case TOTAL_COST -> l.amount(a.totalCost());
                case ADMISSION_CONDITIONS -> l.list(a.admissionConditions());
                case PROC_DATES -> l.list(a.procDates());
                case PROC_WOUND_CLASSES -> l.list(a.woundClasses());
                case PROC_HEALING -> l.list(a.woundHealing());
                case PROC_ANAESTHESIA -> l.list(a.anaesthesia());
                case VENTILATOR_HOURS -> l.amount(a.ventilatorHours());
                case ICU_HOURS -> l.amount(a.icuHours());
                case SELF_PAY -> l.amount(a.selfPay());
                default -> {
                    if (c.charge().isPresent()) {
                        l.amount(charged ? a.charges().get(c.charge().get()) : Double.NaN);
                    } else {
                        l.amount(a.homepageFees().get(c.fee().orElseThrow()));
                    }
                }
            }
        }
        l.text(scheme).text(g.status().name()).text(g.mdc()).text(g.adrg()).text(g.drg()).bool(g.cc())
                .bool(g.mcc()).text(flags).text(mapped);
        long hash = l.hash(start, l.length());
        l.whole(line).unsigned(hash).end();
    }

    /** A new SHA-256 digest (the content hash of import batches). */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
