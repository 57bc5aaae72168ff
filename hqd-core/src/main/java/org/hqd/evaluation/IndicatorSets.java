package org.hqd.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.HqdException;

/**
 * The indicator sets HQD knows: those bundled under {@code sets/} (listed in {@code sets/index.txt}), each over the
 * standard {@link IndicatorCatalog}. The set used when none is named is {@value #DEFAULT}, HQD's own.
 */
public final class IndicatorSets {
    /** HQD's own set: the indicators of DESIGN §4 and the plans' targets. */
    public static final String DEFAULT = "hqd";

    private final IndicatorCatalog catalogue;
    private final Map<String, IndicatorSet> sets;

    private IndicatorSets(IndicatorCatalog catalogue, Map<String, IndicatorSet> sets) {
        this.catalogue = catalogue;
        this.sets = sets;
    }

    /** The bundled sets over the standard catalogue. */
    public static IndicatorSets standard() {
        IndicatorCatalog catalogue = IndicatorCatalog.standard();
        Map<String, IndicatorSet> out = new LinkedHashMap<>();
        for (String file : IndicatorCatalog.resource("sets/index.txt").split("\n")) {
            String f = file.strip();
            if (f.isEmpty() || f.startsWith("#")) {
                continue;
            }
            IndicatorSet s = IndicatorSet.parse(IndicatorCatalog.resource("sets/" + f), f, catalogue);
            if (out.put(s.id(), s) != null) {
                throw new HqdException("内置指标集编号重复：" + s.id());
            }
        }
        if (!out.containsKey(DEFAULT)) {
            throw new HqdException("缺少内置指标集 " + DEFAULT);
        }
        return new IndicatorSets(catalogue, out);
    }

    /** The definitions the sets are made of. */
    public IndicatorCatalog catalogue() {
        return catalogue;
    }

    public Optional<IndicatorSet> set(String id) {
        return Optional.ofNullable(sets.get(id));
    }

    /** The set with this id, or a message naming the known ones. */
    public IndicatorSet require(String id) {
        return set(id).orElseThrow(() -> new HqdException("没有编号为 '" + id + "' 的指标集；可用：" + String.join("、", ids())));
    }

    /** HQD's own set. */
    public IndicatorSet defaultSet() {
        return sets.get(DEFAULT);
    }

    public List<String> ids() {
        return new ArrayList<>(sets.keySet());
    }

    public List<IndicatorSet> all() {
        return List.copyOf(sets.values());
    }

    /** The sets that apply to a hospital of this tier (empty: not registered), in listing order. */
    public List<IndicatorSet> applicableTo(Optional<org.hqd.hospital.HospitalTier> tier) {
        return sets.values().stream().filter(s -> s.applicability().appliesTo(tier)).toList();
    }
}
