package org.hqd.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.casemix.abstracts.ChargeCategory;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.grouping.GroupingResult;
import org.hqd.casemix.grouping.GroupingStatus;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.casemix.standards.CaseValues;
import org.hqd.casemix.standards.Standards;
import org.hqd.casemix.standards.StandardsParameters;
import org.hqd.hospital.HospitalTier;
import org.hqd.io.abstracts.ParsedAbstract;

/**
 * A generated province read back as an analyst would: every abstract grouped with the core grouper and the DRG
 * standards of DESIGN §3.3 computed with the core {@link Standards} — independently of the generator's own model.
 */
final class GeneratedProvince {
    /** The demo's province: 40 hospitals, 60,000 discharges, 12 months. */
    static final GeneratorSettings DEMO = new GeneratorSettings(40, 60_000, 12, 20261123L, YearMonth.of(2024, 1), 2);

    /** One grouped case with what the checks need. */
    record Case(DischargeAbstract a, GroupingResult g) {
        String drg() {
            return g.drg();
        }

        double serviceRevenue() {
            var c = a.charges();
            return a.totalCost() - c.get(ChargeCategory.WESTERN_DRUG) - c.get(ChargeCategory.HERBAL)
                    - c.get(ChargeCategory.PATENT_DRUG) - c.get(ChargeCategory.MATERIAL) - c.get(ChargeCategory.EXAM)
                    - c.get(ChargeCategory.LAB);
        }
    }

    private static GeneratedProvince demo;

    final List<Case> cases = new ArrayList<>();
    final Map<String, HospitalTier> tiers = new HashMap<>();
    final Map<String, String> names = new HashMap<>();
    final Map<String, String> types = new HashMap<>();
    /** Outpatient and emergency visits of each hospital over the whole period (机构月报). */
    final Map<String, Long> visits = new HashMap<>();
    final Standards standards;
    private final List<Case> grouped;
    /** Per hospital: grouped cases, their RW sum, cases, LOS sum, service revenue, total cost. */
    private final Map<String, double[]> sums = new HashMap<>();

    GeneratedProvince(Path dir, GeneratorSettings settings) throws IOException {
        SyntheticProvince.standard().writeTo(settings, dir);
        for (Map<String, String> h : CsvFiles.rows(dir.resolve(SyntheticProvince.HOSPITALS_FILE))) {
            tiers.put(h.get("hospital_id"), HospitalTier.byName(h.get("tier")).orElseThrow());
            names.put(h.get("hospital_id"), h.get("name"));
            types.put(h.get("hospital_id"), h.get("type"));
        }
        for (Map<String, String> f : CsvFiles.rows(dir.resolve(SyntheticProvince.FACILITY_REPORTS_FILE))) {
            visits.merge(f.get("hospital_id"), Long.parseLong(f.get("outpatient_visits")), Long::sum);
        }
        DrgGrouper grouper = DrgGrouper.of(RulePackCatalog.bundled().load(SyntheticProvince.STANDARD_PACK));
        List<CaseValues> values = new ArrayList<>();
        for (ParsedAbstract p : CsvFiles.abstracts(dir.resolve(SyntheticProvince.ABSTRACTS_FILE))) {
            DischargeAbstract a = p.abstract_();
            GroupingResult g = grouper.group(a);
            cases.add(new Case(a, g));
            if (g.status() == GroupingStatus.GROUPED) {
                var c = a.charges();
                values.add(new CaseValues(g.drg(), a.totalCost(), a.losDays(), c.get(ChargeCategory.WESTERN_DRUG)
                        + c.get(ChargeCategory.HERBAL) + c.get(ChargeCategory.PATENT_DRUG), c.get(ChargeCategory.MATERIAL),
                        c.get(ChargeCategory.EXAM) + c.get(ChargeCategory.LAB), "5".equals(a.dischargeMethod())));
            }
        }
        standards = Standards.of(values, StandardsParameters.DEFAULTS);
        grouped = cases.stream().filter(c -> c.g().status() == GroupingStatus.GROUPED).toList();
        for (Case c : cases) {
            double[] s = sums.computeIfAbsent(c.a().hospitalId(), k -> new double[6]);
            if (c.g().status() == GroupingStatus.GROUPED) {
                s[0]++;
                s[1] += standards.of(c.drg()).orElseThrow().rw();
            }
            s[2]++;
            s[3] += c.a().losDays();
            s[4] += c.serviceRevenue();
            s[5] += c.a().totalCost();
        }
    }

    /** The demo province, generated once per test JVM into a temporary folder (read-only afterwards). */
    static synchronized GeneratedProvince demo() throws IOException {
        if (demo == null) {
            Path dir = java.nio.file.Files.createTempDirectory("hqd-demo-province");
            demo = new GeneratedProvince(dir, DEMO);
            try (var files = java.nio.file.Files.list(dir)) {
                for (Path f : files.toList()) {
                    java.nio.file.Files.delete(f);
                }
            }
            java.nio.file.Files.delete(dir);
        }
        return demo;
    }

    List<Case> grouped() {
        return grouped;
    }

    /** CMI of a hospital: mean RW of its grouped cases. */
    double cmi(String hospital) {
        double[] s = sums.get(hospital);
        return s[1] / s[0];
    }

    /** Average length of stay of a hospital's cases. */
    double alos(String hospital) {
        double[] s = sums.get(hospital);
        return s[3] / s[2];
    }

    /** Share of medical-service revenue in the hospital's inpatient charges. */
    double serviceShare(String hospital) {
        double[] s = sums.get(hospital);
        return s[4] / s[5];
    }

    Optional<HospitalTier> tier(String hospital) {
        return Optional.ofNullable(tiers.get(hospital));
    }
}
