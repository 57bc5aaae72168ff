package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hqd ledger …} end to end on the Tianjin gazette and small hand-written plans: the import with and without
 * review, the documented CSV, progress updates, the follow-up list, the unit view, the briefing, and bad input
 * (empty, binary, GBK, no task) that is refused with a message and leaves the ledger as it was.
 */
final class LedgerCommandTest {
    @TempDir
    Path tmp;

    Path data;
    Path gazette;

    static final String PLAN = """
            第一医院高质量发展实施方案

            一、重点任务

            (一)缩短平均住院日。到2026年6月底前，平均住院日控制在8天以内。(医务部负责)

            (二)加强医院文化建设。到2027年，建成特色文化。(党办、工会按职责分工负责)
            """;

    @BeforeEach
    void files() throws IOException {
        data = tmp.resolve("data");
        gazette = tmp.resolve("tianjin.txt");
        try (InputStream in = getClass().getResourceAsStream("/org/hqd/ledger/samples/tianjin-gazette-2022-19-20.txt")) {
            Files.write(gazette, in.readAllBytes());
        }
    }

    CliRun ledger(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "ledger";
        all[1] = args[0];
        all[2] = "--data=" + data;
        System.arraycopy(args, 1, all, 3, args.length - 1);
        return CliRun.of(all);
    }

    static List<String> lines(String out) {
        return out.lines().toList();
    }

    @Test
    void importsTheGazetteAndListsEveryTaskInTheDocumentedCsv() {
        CliRun r = ledger("import", "--plan", gazette.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("找到 3 个方案，84 项任务", "新增 84 项任务");
        CliRun again = ledger("import", "--plan", gazette.toString());
        assertThat(again.out()).contains("新增 0 项任务，更新 0 项，未变 84 项，移除 0 项");

        CliRun csv = ledger("tasks", "--format", "csv", "--as-of", "2026-11-23");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        List<String> rows = lines(csv.out());
        assertThat(rows.get(0)).isEqualTo("plan,section,task_no,task_id,title,lead_units,co_units,deadline,targets,status");
        assertThat(rows).hasSize(85);
        String last = rows.get(84);
        // no date of its own: due at the plan's horizon (到 2025 年), marked derived, and so overdue on 2026-11-23
        assertThat(last).startsWith("天津市推动公立医院高质量发展实施方案,八、加强组织保障,(三),P")
                .endsWith(",建立评价体系,市卫生健康委,,按方案期限推定：到 2025 年,,已逾期");
        assertThat(rows.get(1)).startsWith("天津市人民政府关于贯彻落实《国家标准化发展纲要》的意见,二、推动标准化与科技创新互动发展,(三),P")
                .contains(",加强关键技术领域标准研究布局,,,按方案期限推定：到 2025 年,");
        String two = rows.stream().filter(l -> l.contains(",多渠道增加脱贫人口收入,")).findFirst().orElseThrow();
        assertThat(two).contains(",天津市人社局、市合作交流办、市国资委、市教委、各结对区人民政府、天津市商务局、各区人民政府、"
                + "天津市合作交流办、市发展改革委,庆阳市人社局、庆阳市商务局、市乡村振兴局、庆阳市发展改革委、市人社局,");
        String staffing = rows.stream().filter(l -> l.contains(",改革人事管理制度,")).findFirst().orElseThrow();
        assertThat(staffing).contains(",按方案期限推定：到 2025 年,达到1:2左右,已逾期");

        // on 2026-11-23 the 意见 and the hospital plan are past their horizon (2025-12-31), the Qingyang plan is not (2027)
        CliRun plans = ledger("plans", "--format", "csv", "--as-of", "2026-11-23");
        assertThat(lines(plans.out())).hasSize(4);
        assertThat(plans.out()).contains(",天津市人民政府关于贯彻落实《国家标准化发展纲要》的意见,tianjin.txt,,24,0,0,0,24,0,0.0000",
                ",天津市与庆阳市对口合作实施方案,tianjin.txt,,34,34,0,0,0,0,0.0000",
                ",天津市推动公立医院高质量发展实施方案,tianjin.txt,,26,0,0,0,26,0,0.0000");
    }

    @Test
    void progressFollowUpUnitsAndBrief() throws IOException {
        Path plan = Files.writeString(tmp.resolve("plan.txt"), PLAN);
        assertThat(ledger("import", "--plan", plan.toString(), "--hospital", "H0001").exitCode()).isZero();
        List<String> rows = lines(ledger("tasks", "--format", "csv", "--as-of", "2026-11-23").out());
        String first = rows.get(1).split(",")[3];
        String second = rows.get(2).split(",")[3];
        // due 2026-06-30: overdue as of 2026-11-23 whatever is declared, and 已逾期 cannot be declared
        assertThat(rows.get(1)).endsWith(",到2026年6月底前,控制在8天以内,已逾期");
        CliRun refused = ledger("update", "--task", first, "--status", "已逾期");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("由完成期限自动判定");

        CliRun update = ledger("update", "--task", second, "--status", "推进中", "--note", "已成立文化建设小组",
                "--evidence", "http://oa/doc/12", "--date", "2026-11-20", "--author", "王五", "--as-of", "2026-11-23");
        assertThat(update.exitCode()).as(update.err()).isZero();
        assertThat(update.out()).contains("已更新 " + second + " 加强医院文化建设：状态 推进中");
        CliRun show = ledger("show", "--task", second, "--as-of", "2026-11-23");
        assertThat(show.out()).contains("牵头单位：党办、工会", "完成期限 2027-12-31", "状态：推进中",
                "2026-11-20 王五 [推进中] 已成立文化建设小组 佐证：http://oa/doc/12");

        CliRun follow = ledger("followup", "--format", "csv", "--as-of", "2026-11-23");
        List<String> f = lines(follow.out());
        assertThat(f).hasSize(2);
        assertThat(f.get(1)).contains(first).contains(",2026-06-30,已过完成期限 2026-06-30,,");

        CliRun units = ledger("units", "--format", "csv", "--as-of", "2026-11-23");
        assertThat(lines(units.out())).containsExactly("unit,lead,co,not_started,in_progress,at_risk,overdue,done",
                "医务部,1,0,0,0,0,1,0", "党办,1,0,0,1,0,0,0", "工会,1,0,0,1,0,0,0");
        CliRun mine = ledger("units", "--unit", "工会", "--format", "csv", "--as-of", "2026-11-23");
        assertThat(lines(mine.out())).hasSize(2);
        assertThat(lines(mine.out()).get(1)).endsWith(",推进中,lead");

        Path xlsx = tmp.resolve("brief.xlsx");
        CliRun brief = ledger("brief", "--period", "2026-01..2026-11", "--output", xlsx.toString());
        assertThat(brief.exitCode()).as(brief.err()).isZero();
        assertThat(brief.out()).contains("1 个方案 2 项任务");
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile())) {
            assertThat(wb.getSheet("逾期与风险")).isNotNull();
        }
        Path pdf = tmp.resolve("brief.pdf");
        assertThat(ledger("brief", "--period", "2026", "--output", pdf.toString()).exitCode()).isZero();
        assertThat(new String(Arrays.copyOf(Files.readAllBytes(pdf), 4), StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
    }

    @Test
    void reviewFileCorrectsTheExtractionBeforeItIsCommitted() throws IOException {
        Path plan = Files.writeString(tmp.resolve("plan.txt"), PLAN);
        Path review = tmp.resolve("review.tsv");
        CliRun out = ledger("import", "--plan", plan.toString(), "--review-out", review.toString());
        assertThat(out.exitCode()).as(out.err()).isZero();
        assertThat(out.out()).contains("未写入台账");
        assertThat(ledger("tasks", "--format", "csv").out().lines().count()).isEqualTo(1);
        String edited = Files.readString(review).replace("\t党办、工会\t", "\t党委办公室、工会\t")
                .replace("\t2027-12-31\t", "\t2027-06-30\t");
        Files.writeString(review, edited);
        CliRun in = ledger("import", "--plan", plan.toString(), "--reviewed", review.toString());
        assertThat(in.exitCode()).as(in.err()).isZero();
        List<String> rows = lines(ledger("tasks", "--format", "csv").out());
        assertThat(rows.get(2)).contains(",党委办公室、工会,");
        String id = rows.get(2).split(",")[3];
        assertThat(ledger("show", "--task", id).out()).contains("完成期限 2027-06-30");
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingIsImported() throws IOException {
        assertThat(ledger("import", "--plan", gazette.toString()).exitCode()).isZero();
        Path empty = Files.write(tmp.resolve("empty.txt"), new byte[0]);
        Path binary = Files.write(tmp.resolve("a.bin"), new byte[] {1, 2, 0, 4, 5});
        Path gbk = Files.write(tmp.resolve("gbk.txt"), PLAN.getBytes(Charset.forName("GBK")));
        Path none = Files.writeString(tmp.resolve("none.txt"), "这是一份工作总结，没有编号的任务。\n今年工作顺利。\n");
        record Case(Path file, String message) { }
        for (Case c : List.of(new Case(empty, "是空文件"), new Case(binary, "二进制文件"),
                new Case(gbk, "--encoding GBK"), new Case(none, "没有可识别的任务"),
                new Case(tmp.resolve("missing.txt"), "找不到方案文件"))) {
            CliRun r = ledger("import", "--plan", c.file().toString());
            assertThat(r.exitCode()).as(c.file().toString()).isNotZero();
            assertThat(r.err()).as(c.file().toString()).contains(c.message());
        }
        assertThat(lines(ledger("tasks", "--format", "csv").out())).hasSize(85);
        CliRun gbkOk = ledger("import", "--plan", gbk.toString(), "--encoding", "GBK");
        assertThat(gbkOk.exitCode()).as(gbkOk.err()).isZero();
        assertThat(lines(ledger("tasks", "--format", "csv").out())).hasSize(87);
        CliRun badStatus = ledger("tasks", "--status", "进行中");
        assertThat(badStatus.exitCode()).isNotZero();
        assertThat(badStatus.err()).contains("未启动、推进中、有风险、已逾期、已完成");
    }
}
