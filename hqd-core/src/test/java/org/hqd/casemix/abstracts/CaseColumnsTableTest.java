package org.hqd.casemix.abstracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

final class CaseColumnsTableTest {

    /** The docs' column table is the one rendered from the case schema (regenerate: copy the expected text). */
    @Test
    void dataFormatsDoc_holdsTheTableOfTheCaseSchema() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "data-formats.md"), StandardCharsets.UTF_8);
        int from = doc.indexOf(CaseColumnsTable.BEGIN);
        int to = doc.indexOf(CaseColumnsTable.END);

        assertThat(from).as("marker in docs/data-formats.md").isNotNegative();
        assertThat(doc.substring(from + CaseColumnsTable.BEGIN.length() + 1, to))
                .isEqualTo(CaseColumnsTable.markdown());
    }

    @Test
    void markdown_listsEveryColumnOnceWithItsType() {
        String table = CaseColumnsTable.markdown();

        assertThat(table.lines().count()).isEqualTo(2 + AbstractColumn.values().length);
        assertThat(table).contains("| `principal_dx` | 主要诊断 | text（文本） | ICD-10 医保版 2.0，如 K35.800x001 |")
                .contains("| `fee_antibiotics` | 抗菌药物费用（西药类中） | amount（数值） | 病案首页费用子项，含于其类，元 |");
    }
}
