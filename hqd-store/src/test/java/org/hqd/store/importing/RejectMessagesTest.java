package org.hqd.store.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.intake.ImportSummary;
import org.hqd.store.DataDirectory;
import org.hqd.store.fixtures.AbstractRow;
import org.hqd.store.fixtures.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What reject reasons may show (issue #15, items 7 and 10): never a personal value — a patient's id put into any
 * column appears in no stored message and in no rejects file — and, in the rejects file, no cell a spreadsheet
 * would run as a formula.
 */
final class RejectMessagesTest {
    /** Looks like a resident identity card number, the usual patient id of a settlement list. */
    private static final String ID = "620102199001011234";

    @TempDir
    Path tmp;

    @Test
    void importFile_patientIdInAnyColumn_isInNoMessageAndNoRejectsFile() throws IOException {
        List<AbstractRow> rows = new ArrayList<>();
        int n = 0;
        for (AbstractColumn c : EnumSet.complementOf(EnumSet.of(AbstractColumn.HOSPITAL_ID, AbstractColumn.RECORD_ID,
                AbstractColumn.PATIENT_ID))) {
            rows.add(AbstractRow.valid("H001", "R" + ++n).set(c, ID));
        }
        rows.add(AbstractRow.valid("H001", "R" + ++n).set(AbstractColumn.PATIENT_ID, ID + "\",x")); // a broken line
        Path file = Files.writeString(tmp.resolve("ids.csv"), AbstractRow.file(rows));

        ImportSummary s = Stores.importInto(tmp.resolve("data"), file).get(0);

        assertThat(s.read()).isEqualTo(rows.size());
        assertThat(s.rejected()).as("most of these columns make the row fail a rule").isGreaterThanOrEqualTo(20);
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            List<String> messages = Stores.rows(dir.connection(), "SELECT message FROM rejects");
            assertThat(messages).hasSizeGreaterThanOrEqualTo(20).noneMatch(m -> m.contains(ID) || m.contains("199001011234"));
            assertThat(Stores.rows(dir.connection(), "SELECT count(*) FROM cases WHERE patient_id LIKE '%" + ID + "%'"))
                    .containsExactly("0");
        }
        assertThat(Files.readString(s.rejectsFile().orElseThrow(), StandardCharsets.UTF_8)).doesNotContain(ID);
    }

    @Test
    void importFile_formulaLikeIdsOfRejectedRows_areTextInTheRejectsFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("f.csv"), AbstractRow.file(List.of(
                AbstractRow.valid("H001", "=HYPERLINK(\"http://x\",\"看\")").set(AbstractColumn.SEX, "3"),
                AbstractRow.valid("@H2", "-1+1").set(AbstractColumn.SEX, "3"),
                AbstractRow.valid("H001", "-7").set(AbstractColumn.SEX, "3"))));

        ImportSummary s = Stores.importInto(tmp.resolve("data"), file).get(0);

        assertThat(Files.readAllLines(s.rejectsFile().orElseThrow(), StandardCharsets.UTF_8)).containsExactly(
                "file,line,hospital_id,record_id,rule_id,severity,message",
                "f.csv,2,H001,\"'=HYPERLINK(\"\"http://x\"\",\"\"看\"\")\",FIELD_FORMAT,ERROR,"
                        + "字段格式错误（数值、日期或代码取值无效）：性别(sex) 取值无效，应为 1（男）或 2（女）",
                "f.csv,3,'@H2,'-1+1,FIELD_FORMAT,ERROR,字段格式错误（数值、日期或代码取值无效）：性别(sex) 取值无效，应为 1（男）或 2（女）",
                "f.csv,4,H001,-7,FIELD_FORMAT,ERROR,字段格式错误（数值、日期或代码取值无效）：性别(sex) 取值无效，应为 1（男）或 2（女）");
        try (DataDirectory dir = DataDirectory.openForReading(tmp.resolve("data"))) {
            assertThat(Stores.rows(dir.connection(), "SELECT record_id FROM rejects ORDER BY line"))
                    .containsExactly("=HYPERLINK(\"http://x\",\"看\")", "-1+1", "-7"); // stored as sent
        }
    }
}
