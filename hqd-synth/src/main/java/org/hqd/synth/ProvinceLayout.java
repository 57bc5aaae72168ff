package org.hqd.synth;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hqd.casemix.grouping.ClinicalCodes;
import org.hqd.casemix.layout.Layout;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.hospital.HospitalColumn;
import org.hqd.io.layout.LayoutFiles;
import org.hqd.io.table.TableFile;

/**
 * A generated province's abstracts written again in a national layout ({@code hqd generate --layout}): the canonical
 * {@value SyntheticProvince#ABSTRACTS_FILE} is replaced by {@code abstracts.<layout>.<form>}, whose hospital column
 * holds the org codes of {@value SyntheticProvince#HOSPITALS_FILE}. Works on the written files only, whatever
 * generated them.
 */
public final class ProvinceLayout {
    private ProvinceLayout() {
    }

    /** Rewrites the abstracts of the province in {@code dir}; returns what was written. */
    public static LayoutFiles.Written rewrite(Path dir, Layout layout, LayoutFiles.Form form, Charset charset,
                                              int threads) throws IOException {
        Path canonical = dir.resolve(SyntheticProvince.ABSTRACTS_FILE);
        Path out = dir.resolve("abstracts." + layout.name() + "." + form.name().toLowerCase(Locale.ROOT));
        ClinicalCodes codes = new ClinicalCodes(RulePackCatalog.bundled().load(SyntheticProvince.STANDARD_PACK)
                .dictionary());
        LayoutFiles.Written w = LayoutFiles.write(canonical, layout, orgCodes(dir), Optional.of(codes), out, form,
                charset, threads);
        Files.delete(canonical);
        return w;
    }

    /** Hospital id → org code of the province's register. */
    static Map<String, String> orgCodes(Path dir) throws IOException {
        Path register = dir.resolve(SyntheticProvince.HOSPITALS_FILE);
        TableFile t = TableFile.read(register.toString(), Files.readAllBytes(register), StandardCharsets.UTF_8,
                List.of(HospitalColumn.HOSPITAL_ID.column(), HospitalColumn.ORG_CODE.column()));
        Map<String, String> out = new HashMap<>();
        for (TableFile.Row r : t.rows()) {
            String code = r.cells().getOrDefault(HospitalColumn.ORG_CODE.column(), "");
            if (!code.isEmpty()) {
                out.put(r.cells().get(HospitalColumn.HOSPITAL_ID.column()), code);
            }
        }
        return out;
    }
}
