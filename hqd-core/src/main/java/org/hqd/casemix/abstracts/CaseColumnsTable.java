package org.hqd.casemix.abstracts;

/**
 * The table of the canonical columns that docs/data-formats.md shows, rendered from {@link AbstractColumn}: the
 * docs do not spell the columns a second time (a test checks the file holds exactly this table).
 */
public final class CaseColumnsTable {
    /** The line before the table in the docs. */
    public static final String BEGIN = "<!-- case-columns: generated from AbstractColumn, do not edit -->";
    /** The line after it. */
    public static final String END = "<!-- /case-columns -->";

    private CaseColumnsTable() {
    }

    /** The Markdown table, one row per column in file order, each line ending in a newline. */
    public static String markdown() {
        StringBuilder b = new StringBuilder("| column | 名称 | type | values |\n|---|---|---|---|\n");
        for (AbstractColumn c : AbstractColumn.values()) {
            b.append("| `").append(c.column()).append("` | ").append(c.label()).append(" | ")
                    .append(c.type().name().toLowerCase(java.util.Locale.ROOT)).append("（").append(c.type().label())
                    .append("） | ").append(c.note()).append(" |\n");
        }
        return b.toString();
    }
}
