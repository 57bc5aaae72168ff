package org.hqd.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hqd.HqdException;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.grouping.DrgGrouper;

/**
 * The case templates of a synthetic province, grouped once at start-up and indexed by DRG (in code order). Only
 * templates that group into a DRG ({@code GROUPED}) are kept.
 */
final class TemplateLibrary {
    private final List<DrgGroup> groups;

    private TemplateLibrary(List<DrgGroup> groups) {
        this.groups = List.copyOf(groups);
    }

    /**
     * The library of these cases under this grouper.
     *
     * @throws HqdException when no case groups into a DRG
     */
    static TemplateLibrary build(DrgGrouper grouper, List<DischargeAbstract> cases) {
        TemplateNormalizer normalizer = new TemplateNormalizer(grouper);
        Map<String, List<CaseTemplate>> byDrg = new TreeMap<>();
        Map<String, Integer> cancers = new TreeMap<>();
        // normalising groups every case a few times: done in parallel, the results kept in the cases' order
        List<Optional<CaseTemplate>> normalized = cases.parallelStream().map(normalizer::normalize).toList();
        for (int i = 0; i < cases.size(); i++) {
            DischargeAbstract a = cases.get(i);
            Optional<CaseTemplate> t = normalized.get(i);
            if (t.isPresent()) {
                byDrg.computeIfAbsent(t.get().drg(), k -> new ArrayList<>()).add(t.get());
                cancers.merge(t.get().drg(), isCancer(a.principalDx()) ? 1 : 0, Integer::sum);
            }
        }
        if (byDrg.isEmpty()) {
            throw new HqdException("合成数据模板：" + cases.size() + " 个病例中没有一个能分入 DRG（分组方案 "
                    + grouper.pack().id() + "）；请提供能正常入组的模板病例");
        }
        List<DrgGroup> groups = new ArrayList<>(byDrg.size());
        byDrg.forEach((drg, templates) ->
                groups.add(DrgGroup.of(drg, templates, cancers.get(drg) / (double) templates.size())));
        return new TemplateLibrary(groups);
    }

    List<DrgGroup> groups() {
        return groups;
    }

    private static boolean isCancer(String dx) {
        return dx.length() >= 3 && dx.charAt(0) == 'C' && dx.compareTo("C97") < 0;
    }
}
