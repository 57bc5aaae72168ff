package org.hqd.store.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.payment.Clearing;
import org.hqd.payment.ClearingCell;
import org.hqd.payment.ClearingLine;
import org.hqd.payment.MonthLine;
import org.hqd.payment.PaymentRules;
import org.hqd.payment.PaymentWeights;
import org.hqd.payment.WeightTable;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.Stores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settlements of hand-made cases computed by hand: the appendectomy GD25 at weight 0.8 with a published mean of 8,000
 * yuan, rate 10,000 yuan per weight (100 points per weight: a point is worth 100 yuan).
 */
final class SettlementQueryTest {
    @TempDir
    static Path tmp;

    static Path data;
    static String medicalDrg;

    /** A row whose whole charge is the bed fee. */
    private static AbstractRow costing(AbstractRow r, String total) {
        for (int i = AbstractColumn.COST_BED.ordinal(); i <= AbstractColumn.COST_OTHER.ordinal(); i++) {
            r.set(AbstractColumn.values()[i], "0.00");
        }
        return r.set(AbstractColumn.TOTAL_COST, total).set(AbstractColumn.COST_BED, total);
    }

    @BeforeAll
    static void importCases() throws Exception {
        List<AbstractRow> rows = List.of(
                costing(AbstractRow.valid("H1", "R1"), "10000.00"),
                costing(AbstractRow.valid("H1", "R2"), "30000.00"),
                costing(AbstractRow.valid("H1", "R3"), "2000.00"),
                costing(AbstractRow.valid("H1", "R4"), "5000.00").set(AbstractColumn.DISCHARGE_METHOD, "5")
                        .stay("2024-03-05", "2024-03-06", 1),
                costing(AbstractRow.valid("H1", "R5"), "4000.00").set(AbstractColumn.DISCHARGE_METHOD, "2"),
                costing(AbstractRow.valid("H1", "R6"), "10000.00").set(AbstractColumn.PAYER, "7"),
                costing(AbstractRow.valid("H1", "R7"), "10000.00").set(AbstractColumn.PAYER, "自费"),
                costing(AbstractRow.valid("H1", "R8"), "12000.00").noProcedure(),
                costing(AbstractRow.valid("H1", "R9"), "50000.00"),
                costing(AbstractRow.valid("H2", "S1"), "8000.00").stay("2024-04-01", "2024-04-06", 5));
        Path file = tmp.resolve("cases.csv");
        Files.writeString(file, AbstractRow.file(rows), StandardCharsets.UTF_8);
        data = tmp.resolve("data");
        Stores.importInto(data, file);
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            new PaymentStore(dir).putReview(new org.hqd.payment.Review("H1", "R9", "罕见病，专家评议通过", Instant.EPOCH, "医保科"));
            medicalDrg = Stores.rows(dir.connection(), "SELECT drg FROM cases WHERE record_id = 'R8'").get(0);
        }
    }

    private static SettlementQuery query(DataDirectory dir) {
        PaymentRules rules = PaymentRules.standard();
        PaymentWeights w = WeightTable.parse("drg,weight,base_cost\nGD25,0.8,8000\n", "w.csv", "官方 2024",
                OptionalDouble.of(10_000), OptionalDouble.empty());
        int version = new PaymentStore(dir).loadWeights(w, "w.csv", "hash", Instant.EPOCH, "测试").version();
        return new SettlementQuery(dir, rules, WeightBasis.official(version, "官方 2024", 10_000, 100), CostBasis.CHARGES);
    }

    @Test
    void writeCsv_everyKindOfCase_asComputedByHand() {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            StringWriter out = new StringWriter();

            long n = query(dir).writeCsv(new CaseFilter(java.util.Optional.empty(), java.util.Optional.empty(),
                    java.util.Optional.of("H1")), out);

            assertThat(n).isEqualTo(9);
            assertThat(out.toString()).isEqualTo(String.join("\n",
                    "hospital_id,record_id,payer,insured,drg,weight,case_type,points,payment,total_cost,balance",
                    // 10000 / 8000 = 1.25: normal, 80 points × 100 yuan
                    "H1,R1,1,true,GD25,0.8000,normal,80.0000,8000.00,10000.00,-2000.00",
                    // 3.75 ≥ 3: 80 + (3.75 − 3) × 80 = 140
                    "H1,R2,1,true,GD25,0.8000,high,140.0000,14000.00,30000.00,-16000.00",
                    // 0.25 < 0.4: 80 × 0.25 = 20
                    "H1,R3,1,true,GD25,0.8000,low,20.0000,2000.00,2000.00,0.00",
                    // death within a day, by cost: 5000 / 10000 × 100 = 50
                    "H1,R4,1,true,GD25,0.8000,special,50.0000,5000.00,5000.00,0.00",
                    // transfer: 80 × min(0.5, 1) = 40
                    "H1,R5,1,true,GD25,0.8000,special,40.0000,4000.00,4000.00,0.00",
                    // self-pay by code and by name: not paid by the fund
                    "H1,R6,7,false,GD25,0.8000,normal,,,10000.00,",
                    "H1,R7,7,false,GD25,0.8000,normal,,,10000.00,",
                    // its DRG has no weight in the version: by cost, 12000 / 10000 × 100 = 120
                    "H1,R8,1,true," + medicalDrg + ",,ungrouped,120.0000,12000.00,12000.00,0.00",
                    // 特病单议: by cost, 500 points
                    "H1,R9,1,true,GD25,0.8000,special,500.0000,50000.00,50000.00,0.00", ""));
        }
    }

    @Test
    void copyCsv_sameLinesAsWriteCsv(@TempDir Path out) throws Exception {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            SettlementQuery q = query(dir);
            StringWriter streamed = new StringWriter();
            q.writeCsv(CaseFilter.ALL, streamed);
            Path file = out.resolve("settle.csv");

            long n = q.copyCsv(CaseFilter.ALL, file);

            assertThat(n).isEqualTo(10);
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(streamed.toString());
        }
    }

    @Test
    void monthly_insuredCasesPerHospitalAndMonth() {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            List<MonthLine> m = query(dir).monthly(CaseFilter.ALL);

            // H1 in March: 7 insured cases, 80+140+20+50+40+120+500 = 950 points, 95,000.00 yuan against
            // 10000+30000+2000+5000+4000+12000+50000 = 113,000.00; two self-pay cases. H2 in April: 8000 = mean, 80.
            assertThat(m).containsExactly(
                    new MonthLine("2024-03", "H1", 7, 950, 9_500_000, 11_300_000, 1, 1, 1, 3, 1, 2),
                    new MonthLine("2024-04", "H2", 1, 80, 800_000, 800_000, 1, 0, 0, 0, 0, 0));
        }
    }

    @Test
    void cells_thenClearing_fundSharedByPointsToTheFen() {
        try (DataDirectory dir = DataDirectory.openForWriting(data)) {
            List<ClearingCell> cells = query(dir).cells(CaseFilter.ALL);

            assertThat(cells).containsExactly(new ClearingCell("H1", "GD25", 6, 830, 8_300_000),
                    new ClearingCell("H1", medicalDrg, 1, 120, 1_200_000), new ClearingCell("H2", "GD25", 1, 80, 800_000));
            // a fund of 100,000.00 over 1,030 points: 97.0873… yuan a point; H1/GD25 gets 80,582.524… → 80,582.52,
            // H1's other cell 11,650.485… → 11,650.49, H2 7,766.990… → 7,766.99: 100,000.00 exactly
            Clearing c = Clearing.of(10_000_000, cells);
            assertThat(c.lines()).extracting(ClearingLine::clearedFen).containsExactly(8_058_252L, 1_165_049L, 776_699L);
            assertThat(c.byHospital()).extracting(ClearingLine::differenceFen).containsExactly(
                    9_223_301L - 9_500_000L, 776_699L - 800_000L);
        }
    }
}
