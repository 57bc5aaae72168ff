package org.hqd.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.TsvRows;
import org.hqd.evaluation.Indicator;
import org.hqd.evaluation.IndicatorCatalog;
import org.junit.jupiter.api.Test;

/** The bundled links point at indicators that exist, on their scale: a percentage of a ratio is × 0.01, of a score × 1. */
class IndicatorLinksTest {
    @Test
    void everyLinkIsToAnIndicatorOfTheCatalogueOnItsScale() throws Exception {
        IndicatorCatalog catalogue = IndicatorCatalog.standard();
        String text = new String(IndicatorLinks.class.getResourceAsStream("indicator-links.tsv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        List<TsvRows.Row> rows = TsvRows.parse(text, "indicator-links.tsv", List.of("pattern", "unit", "indicator", "scale")).rows();
        assertTrue(rows.size() >= 15);
        for (TsvRows.Row r : rows) {
            Optional<Indicator> i = catalogue.indicator(r.get("indicator"));
            assertTrue(i.isPresent(), r.get("indicator"));
            assertTrue(i.get().computable() || i.get().unit().equals("级") || i.get().unit().equals("分"), r.get("indicator"));
            if (r.optional("unit").equals("%")) {
                double expected = i.get().unit().equals("ratio") ? 0.01 : 1;
                assertEquals(expected, Double.parseDouble(r.get("scale")), 0, r.get("indicator") + " is " + i.get().unit());
            }
        }
    }

    @Test
    void aPhraseIsLinkedOnlyWithItsUnit() {
        IndicatorLinks links = IndicatorLinks.standard();
        TaskTarget days = new TaskTarget("控制在8天以内", "平均住院日", "8", OptionalDouble.of(8), "天", TargetComparator.AT_MOST,
                Optional.empty(), OptionalDouble.empty());
        assertEquals(Optional.of("alos"), links.link(days).indicator());
        assertEquals(8.0, links.link(days).indicatorValue().getAsDouble(), 0);
        TaskTarget count = new TaskTarget("8个", "平均住院日", "8", OptionalDouble.of(8), "个", TargetComparator.REACH,
                Optional.empty(), OptionalDouble.empty());
        assertEquals(Optional.empty(), links.link(count).indicator());
        TaskTarget satisfaction = new TaskTarget("达到90%", "患者满意度", "90", OptionalDouble.of(90), "%", TargetComparator.REACH,
                Optional.empty(), OptionalDouble.empty());
        assertEquals(90.0, links.link(satisfaction).indicatorValue().getAsDouble(), 0);
        TaskTarget share = new TaskTarget("力争达到35%", "四级手术占比", "35", OptionalDouble.of(35), "%", TargetComparator.REACH,
                Optional.empty(), OptionalDouble.empty());
        assertEquals(Optional.of("grade4_surgery_share"), links.link(share).indicator());
        assertEquals(0.35, links.link(share).indicatorValue().getAsDouble(), 0);
    }
}
