package org.hqd.casemix.abstracts;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The sums of charge categories the metrics use — drugs (药品费: western + herbal + patent), consumables (卫生材料费)
 * and examinations + laboratory tests (检查化验费) — defined once over {@link ChargeCategory}, and written as SQL for
 * the store (DuckDB) and the Spark job alike, a missing amount counted as zero.
 */
public enum ChargeGroup {
    DRUG("drug", ChargeCategory::isDrug),
    MATERIAL("material", c -> c == ChargeCategory.MATERIAL),
    EXAM_LAB("exam_lab", c -> c == ChargeCategory.EXAM || c == ChargeCategory.LAB);

    /** {@code {drug}}, {@code {c.material}} …: a group's sum over the columns, of a table alias when one is given. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(?:(\\w+)\\.)?(drug|material|exam_lab)}");

    private final String placeholder;
    private final List<ChargeCategory> categories;

    ChargeGroup(String placeholder, Predicate<ChargeCategory> member) {
        this.placeholder = placeholder;
        this.categories = Arrays.stream(ChargeCategory.values()).filter(member).toList();
    }

    /** The categories summed, in the canonical column order. */
    public List<ChargeCategory> categories() {
        return categories;
    }

    /**
     * The sum as SQL: {@code coalesce(<prefix><column>, <zero>) + …}.
     *
     * @param prefix a table alias with its dot ({@code "c."}) or empty
     * @param zero   the dialect's zero of the amounts ({@code 0} in DuckDB, {@code 0D} in Spark)
     */
    public String sql(String prefix, String zero) {
        return categories.stream().map(c -> "coalesce(" + prefix + c.column() + ", " + zero + ")")
                .collect(Collectors.joining(" + "));
    }

    /**
     * Replaces every {@code {drug}}, {@code {material}}, {@code {exam_lab}} of an SQL text (or {@code {c.drug}} …, over
     * the alias {@code c}) by the group's sum.
     */
    public static String expand(String sql, String zero) {
        Matcher m = PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String prefix = m.group(1) == null ? "" : m.group(1) + ".";
            ChargeGroup g = Arrays.stream(values()).filter(x -> x.placeholder.equals(m.group(2))).findFirst()
                    .orElseThrow();
            m.appendReplacement(out, Matcher.quoteReplacement(g.sql(prefix, zero)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
