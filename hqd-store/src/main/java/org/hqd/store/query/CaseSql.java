package org.hqd.store.query;

import org.hqd.casemix.abstracts.ChargeGroup;

/**
 * The fragments of SQL the store's questions share, each written once: the charge sums of {@link ChargeGroup}
 * ({@code {drug}}, {@code {c.material}}, {@code {c.exam_lab}} …, in DuckDB's dialect) and the DRG standards of the
 * latest weight version ({@code {latest_standards}}); the period and hospital filters are {@link CaseFilterSql}'s.
 */
public final class CaseSql {
    /** The DRG standards of the latest weight version (the weights, means and risk levels the metrics use). */
    public static final String LATEST_STANDARDS =
            "SELECT * FROM drg_standards WHERE version = (SELECT max(version) FROM weight_versions)";

    private CaseSql() {
    }

    /** The SQL with its placeholders of shared fragments replaced. */
    public static String expand(String sql) {
        return ChargeGroup.expand(sql, "0").replace("{latest_standards}", LATEST_STANDARDS);
    }
}
