package org.hqd.casemix.performance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.hqd.HqdException;

/**
 * Which units a ranking ranks: only those with at least {@code minCases} grouped cases, so that a physician with one
 * heavy case does not top a CMI ranking; the others are shown as {@value #INSUFFICIENT}. The bundled rule is the
 * data file {@code ranking.tsv} (30 cases).
 *
 * @param minCases the fewest grouped cases a ranked unit has, at least 1
 */
public record RankingRule(int minCases) {
    /** What a unit below the minimum shows instead of a rank. */
    public static final String INSUFFICIENT = "例数不足";

    public RankingRule {
        if (minCases < 1) {
            throw new HqdException("排名的最少病例数 min_cases = " + minCases + " 无效：应为不小于 1 的整数");
        }
    }

    /** The rule of the bundled {@code ranking.tsv}. */
    public static RankingRule standard() {
        try (InputStream in = RankingRule.class.getResourceAsStream("ranking.tsv")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "ranking.tsv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rule from the text of a {@code parameter<TAB>value} file with a {@code min_cases} row. */
    public static RankingRule parse(String text, String source) {
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\t");
            if (f.length == 2 && f[0].equals("min_cases")) {
                try {
                    return new RankingRule(Integer.parseInt(f[1].strip()));
                } catch (NumberFormatException e) {
                    throw new HqdException(source + "：min_cases 的值 '" + f[1] + "' 不是整数");
                }
            }
        }
        throw new HqdException(source + "：缺少 min_cases 一行（parameter<TAB>value）");
    }

    /** Whether a unit with this many grouped cases is ranked. */
    public boolean ranks(long groupedCases) {
        return groupedCases >= minCases;
    }

    /** CMI ranks of the units, highest first (competition ranking); 0 for a unit not ranked. */
    public int[] byCmi(List<UnitPerformance> units) {
        List<OptionalDouble> values = new ArrayList<>(units.size());
        for (UnitPerformance u : units) {
            values.add(ranks(u.grouped()) ? u.cmi() : OptionalDouble.empty());
        }
        return Ranks.descending(values);
    }
}
