package org.hqd.casemix.dip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hqd.TsvRows;

/**
 * The Charlson comorbidity index (CCI) of a case's secondary diagnoses, from the bundled table of conditions, weights
 * and ICD-10 prefixes ({@code charlson-icd10.tsv}, with its source): each condition counts once, and a severe form
 * replaces its milder one. The DIP auxiliary catalogue grades disease severity by it.
 */
public final class Charlson {
    private record Condition(String id, int weight, String supersedes, List<String> prefixes) { }

    private static final Charlson STANDARD = load();

    private final List<Condition> conditions;

    private Charlson(List<Condition> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    public static Charlson standard() {
        return STANDARD;
    }

    /** The index of these diagnoses. */
    public int index(List<String> diagnoses) {
        Set<String> present = new HashSet<>();
        for (String dx : diagnoses) {
            String code = dx.strip().toUpperCase(java.util.Locale.ROOT);
            for (Condition c : conditions) {
                if (c.prefixes().stream().anyMatch(code::startsWith)) {
                    present.add(c.id());
                }
            }
        }
        int index = 0;
        for (Condition c : conditions) {
            if (present.contains(c.id()) && conditions.stream().noneMatch(s -> s.supersedes().equals(c.id())
                    && present.contains(s.id()))) {
                index += c.weight();
            }
        }
        return index;
    }

    private static Charlson load() {
        try (InputStream in = Charlson.class.getResourceAsStream("charlson-icd10.tsv")) {
            TsvRows t = TsvRows.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "charlson-icd10.tsv",
                    List.of("condition", "weight", "supersedes", "prefixes"));
            List<Condition> out = new ArrayList<>();
            for (TsvRows.Row r : t.rows()) {
                out.add(new Condition(r.get("condition"), Integer.parseInt(r.get("weight")), r.optional("supersedes"),
                        List.of(r.get("prefixes").split("\\s+"))));
            }
            return new Charlson(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
