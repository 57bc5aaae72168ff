package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hqd layouts}, {@code hqd layouts check}, and the exit codes of files that cannot be read. */
final class LayoutsCommandTest {
    @TempDir
    Path dir;

    @Test
    void layouts_listsTheCanonicalAndTheNationalLayouts() {
        CliRun run = CliRun.of("layouts");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).first().isEqualTo("name,kind,codes,form,title,recognised_by,source");
        assertThat(run.out()).contains("\nhqms-codes,住院病案首页,国家临床版 2.0,每次住院一行,")
                .contains("\nsettlement-lines,医保结算清单,医保版 2.0,每行一个诊断/手术,");
    }

    @Test
    void check_frontSheet_saysTheLayoutAndWhatEachColumnIsFor() throws IOException {
        Path f = Files.write(dir.resolve("a.csv"), ("ZZJGDM,BAH,XM,XB,NL,RYSJ,CYSJ,SJZYTS,LYFS,ZFY,JBDM,JBDM1,XYF,BEIZHU\n"
                + "SYN000001,B1,张三,1,30,2024-03-01,2024-03-05,4,1,100,K35.800x001,,100,\n").getBytes(Charset.forName("GBK")));

        CliRun run = CliRun.of("layouts", "check", f.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("识别为 hqms-codes（住院病案首页（卫统4-1 / HQMS 接口字段代码）），CSV GBK（自动识别）")
                .contains("  JBDM → 主要诊断的编码")
                .contains("  JBDM1 → 其他诊断1的编码")
                .contains("  XYF → 西药费(cost_western_drug)、西药类(fee_western_drug)")
                .contains("个人信息列，读取时丢弃、不保存（1）：XM")
                .contains("忽略的列（1）：BEIZHU")
                .contains("分组缺少的列（4）：\n  年龄(天)(age_days)：BZYZSNL\n")
                .doesNotContain("导入缺少的必需列");
    }

    @Test
    void check_fileOfNoLayout_namesTheClosestAndExitsThree() throws IOException {
        Path f = Files.writeString(dir.resolve("x.csv"), "BAH,XB,CYSJ\nB1,1,2024-03-01\n");

        CliRun run = CliRun.of("layouts", "check", f.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).contains("不属于任何已知格式。最接近的是 hqms-codes").contains("主要诊断(principal_dx)：JBDM");
    }

    /** Issue #15 items 8 and 10 through the command line. */
    @Test
    void import_gbkWithoutEncodingIsRead_missingColumnAndRepeatedColumnExitThree() throws IOException {
        String header = "hospital_id,record_id,patient_id,sex,age_years,admission_date,discharge_date,los_days,"
                + "discharge_method,department,principal_dx,total_cost";
        Path gbk = Files.write(dir.resolve("gbk.csv"), (header + "\nH1,R1,P1,1,40,2024-03-01,2024-03-05,4,1,骨科,"
                + "K35.800x001,100\n").getBytes(Charset.forName("GBK")));
        Path data = dir.resolve("data");

        CliRun ok = CliRun.of("import", "--data", data.toString(), gbk.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(CliRun.of("sql", "--data", data.toString(), "SELECT department FROM cases").out())
                .isEqualTo("department\n骨科\n");

        Path missing = Files.writeString(dir.resolve("missing.csv"), header.replace(",total_cost", "")
                + "\nH1,R2,P1,1,40,2024-03-01,2024-03-05,4,1,ortho,K35.800x001\n");
        CliRun m = CliRun.of("import", "--data", data.toString(), missing.toString());
        assertThat(m.exitCode()).isEqualTo(3);
        assertThat(m.err()).contains("缺少必需的列 总费用(total_cost)");

        Path twice = Files.writeString(dir.resolve("twice.csv"), header + ",sex\nH1,R3,P1,1,40,2024-03-01,2024-03-05,4,"
                + "1,ortho,K35.800x001,100,2\n");
        CliRun t = CliRun.of("import", "--data", data.toString(), twice.toString());
        assertThat(t.exitCode()).isEqualTo(3);
        assertThat(t.err()).contains("表头中列 sex（第 4 列和第 13 列）出现两次");
        assertThat(CliRun.of("sql", "--data", data.toString(), "SELECT count(*) AS n FROM cases").out())
                .isEqualTo("n\n1\n");
    }
}
