package org.hqd.store.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.casemix.abstracts.Charges;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.io.abstracts.AbstractHeader;
import org.hqd.io.abstracts.AbstractRowParser;
import org.hqd.io.abstracts.ParsedAbstract;
import org.hqd.io.abstracts.RowFindings;
import org.hqd.io.csv.ChunkPipeline;
import org.hqd.io.csv.CsvChunk;
import org.hqd.io.csv.CsvChunkReader;
import org.hqd.io.csv.CsvScanner;
import org.hqd.quality.AbstractQualityChecks;
import org.hqd.quality.QualityFinding;
import org.hqd.quality.Severity;
import org.hqd.store.Pseudonymizer;

/**
 * The Java half of importing an abstracts file: reads it in parallel chunks, checks every row against the
 * quality rules, groups the rows that pass, pseudonymises patient ids, and writes two staging CSVs for the
 * database — accepted cases (canonical columns + grouping + flags) and findings (rule, line, message) — while
 * hashing the file's content: the SHA-256 of the chunks' SHA-256s in order (chunking depends only on the
 * content, so equal files hash equal), computed on the workers. Nothing here touches the database.
 */
final class AbstractStaging {
    /** What staging produced. */
    record Staged(long read, long rejected, long warned, Map<String, Long> findingsByRule, String contentHash) { }

    private record Part(byte[] cases, byte[] keys, byte[] findings, long read, long rejected, long warned,
                        Map<String, Long> byRule, byte[] digest) { }

    private final DrgGrouper grouper;
    private final AbstractQualityChecks checks;
    private final Pseudonymizer pseudonymizer;
    private final Charset charset;
    private final int threads;

    AbstractStaging(DrgGrouper grouper, AbstractQualityChecks checks, Pseudonymizer pseudonymizer, Charset charset,
                    int threads) {
        this.grouper = grouper;
        this.checks = checks;
        this.pseudonymizer = pseudonymizer;
        this.charset = charset;
        this.threads = threads;
    }

    Staged run(InputStream in, String file, Path casesCsv, Path keysCsv, Path findingsCsv) throws IOException {
        MessageDigest sha = sha256();
        CsvChunkReader reader = new CsvChunkReader(in, 1 << 20);
        Optional<CsvChunk> first = reader.next();
        List<String> names = CsvScanner.header(first, charset, file);
        AbstractHeader header = AbstractHeader.of(names, EnumSet.of(AbstractColumn.HOSPITAL_ID,
                AbstractColumn.RECORD_ID, AbstractColumn.PRINCIPAL_DX), file);
        long[] totals = new long[3];
        Map<String, Long> byRule = new HashMap<>();
        ThreadLocal<Pseudonymizer> pseudonymizers = ThreadLocal.withInitial(pseudonymizer::copy);
        try (OutputStream cases = Files.newOutputStream(casesCsv);
             OutputStream keys = Files.newOutputStream(keysCsv);
             OutputStream findings = Files.newOutputStream(findingsCsv)) {
            new ChunkPipeline<Part>(threads).run(first.orElseThrow(), reader,
                    (chunk, isFirst) -> stage(chunk, isFirst, header, file, pseudonymizers.get()),
                    p -> {
                        sha.update(p.digest());
                        cases.write(p.cases());
                        keys.write(p.keys());
                        findings.write(p.findings());
                        totals[0] += p.read();
                        totals[1] += p.rejected();
                        totals[2] += p.warned();
                        p.byRule().forEach((k, v) -> byRule.merge(k, v, Long::sum));
                    });
        }
        return new Staged(totals[0], totals[1], totals[2], byRule, java.util.HexFormat.of().formatHex(sha.digest()));
    }

    private Part stage(CsvChunk chunk, boolean first, AbstractHeader header, String file, Pseudonymizer pseudo) {
        CsvScanner s = new CsvScanner(charset);
        s.reset(chunk);
        if (first) {
            s.next();
        }
        AbstractRowParser parser = new AbstractRowParser(header);
        StringBuilder cases = new StringBuilder(chunk.length() + chunk.length() / 4);
        StringBuilder findings = new StringBuilder();
        StringBuilder keys = new StringBuilder(chunk.length() / 8);
        long read = 0;
        long rejected = 0;
        long warned = 0;
        Map<String, Long> byRule = new HashMap<>();
        String scheme = grouper.pack().id();
        while (s.next()) {
            read++;
            ParsedAbstract row = parser.parse(s);
            DischargeAbstract a = row.abstract_();
            List<QualityFinding> found = findings(row);
            boolean error = false;
            StringBuilder flags = new StringBuilder();
            java.util.Set<String> rowRules = new java.util.HashSet<>(4);
            for (QualityFinding f : found) {
                boolean firstOfRule = rowRules.add(f.rule().id());
                if (firstOfRule) {
                    byRule.merge(f.rule().id(), 1L, Long::sum); // rows failing the rule, not findings
                }
                error |= f.rule().severity() == Severity.ERROR;
                if (f.rule().severity() == Severity.WARNING && firstOfRule) {
                    flags.append(flags.length() == 0 ? "" : "|").append(f.rule().id());
                }
                new StagingLine(findings).text(file).whole(row.line()).text(a.hospitalId()).text(a.recordId())
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
            long hash = appendCase(cases, a, pseudo.pseudonym(a.patientId()), scheme, g, flags.toString(),
                    row.line());
            new StagingLine(keys).text(a.hospitalId()).text(a.recordId()).whole(row.line()).unsigned(hash)
                    .text(period(a)).end();
        }
        MessageDigest chunkSha = sha256();
        chunkSha.update(chunk.data(), 0, chunk.length());
        return new Part(cases.toString().getBytes(StandardCharsets.UTF_8),
                keys.toString().getBytes(StandardCharsets.UTF_8),
                findings.toString().getBytes(StandardCharsets.UTF_8), read, rejected, warned, byRule,
                chunkSha.digest());
    }

    private List<QualityFinding> findings(ParsedAbstract row) {
        return RowFindings.of(row, checks);
    }

    private static String period(DischargeAbstract a) {
        return a.dischargeDate() == null ? "" : a.dischargeDate().toString().substring(0, 7);
    }

    /**
     * Appends a case's staging line and returns its content hash: a hash of the stored values (not of the input
     * bytes), so the same row sent again in another encoding or format is recognised as unchanged.
     */
    private static long appendCase(StringBuilder out, DischargeAbstract a, String patient, String scheme,
                                   GroupingResult g, String flags, long line) {
        int start = out.length();
        StagingLine l = new StagingLine(out);
        l.text(a.hospitalId()).text(a.recordId()).text(patient).text(a.sex().code()).date(a.birthDate())
                .whole(a.ageYears()).whole(a.ageDays()).whole(a.birthWeightG()).date(a.admissionDate())
                .date(a.dischargeDate()).whole(a.losDays()).text(a.admissionRoute()).text(a.dischargeMethod())
                .text(a.department()).text(a.attendingPhysician()).text(a.principalDx()).list(a.secondaryDx())
                .text(a.principalProc()).list(a.otherProcs()).list(a.procLevels()).bool(a.daySurgery())
                .text(a.payer()).amount(a.totalCost());
        boolean charged = !a.charges().equals(Charges.NONE);
        for (ChargeCategory c : ChargeCategory.values()) {
            l.amount(charged ? a.charges().get(c) : Double.NaN);
        }
        l.text(scheme).text(g.status().name()).text(g.mdc()).text(g.adrg()).text(g.drg()).bool(g.cc())
                .bool(g.mcc()).text(flags);
        long hash = contentHash(out, start, out.length());
        l.whole(line).unsigned(hash);
        l.end();
        return hash;
    }

    /** A 64-bit hash of a stretch of characters (FNV-1a over the chars, then a final avalanche). */
    static long contentHash(CharSequence s, int from, int to) {
        long h = 0xcbf29ce484222325L ^ (to - from);
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
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
