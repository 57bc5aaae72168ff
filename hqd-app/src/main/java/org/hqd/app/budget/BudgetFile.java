package org.hqd.app.budget;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hqd.HqdException;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.io.Encodings;
import org.hqd.io.table.TableFile;
import org.hqd.ledger.PlanDocuments;

/**
 * A budget-shaped file (a budget, actual amounts, an adjustment, performance targets, departments): its name, the
 * fingerprint of its bytes and its rows, ready to check. CSV in the charset given, or Excel.
 */
public record BudgetFile(String name, String sha256, List<BudgetRowCheck.RawRow> rows) {
    public BudgetFile {
        rows = List.copyOf(rows);
    }

    /** A file's bytes, with the columns it must have. */
    public static BudgetFile of(String name, byte[] bytes, Charset charset, List<String> columns) {
        List<BudgetRowCheck.RawRow> rows = TableFile.read(name, bytes, charset, columns).rows().stream()
                .map(r -> new BudgetRowCheck.RawRow(r.line(), r.cells())).toList();
        return new BudgetFile(name, PlanDocuments.fingerprint(bytes), rows);
    }

    /** A file on disk in the named encoding (UTF-8, GBK, GB18030 …; Excel files ignore it). */
    public static BudgetFile read(Path file, String encoding, List<String> columns) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new HqdException("找不到文件 " + file);
        }
        return of(file.getFileName().toString(), Files.readAllBytes(file), Encodings.named(encoding), columns);
    }

    /** The hospitals the rows name (blank cells left out). */
    public Set<String> hospitals() {
        Set<String> out = new TreeSet<>();
        rows.stream().map(r -> r.cell("hospital_id")).filter(h -> !h.isEmpty()).forEach(out::add);
        return out;
    }
}
