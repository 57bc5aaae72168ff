package org.hqd.store.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.evaluation.IndicatorSet;
import org.hqd.evaluation.IndicatorSets;
import org.hqd.evaluation.LoadedTargets;
import org.hqd.evaluation.TargetSet;
import org.hqd.store.DataDirectory;
import org.hqd.store.Query;
import org.hqd.store.Transaction;

/**
 * The target sets of a data directory: the bundled {@code design-default} and those a region loaded, kept as their
 * TSV text. The default set is the last one loaded (setting {@code evaluation.target_set}), else the bundled one.
 */
public final class TargetStore {
    public static final String DEFAULT_SETTING = "evaluation.target_set";

    private final DataDirectory dir;
    private final IndicatorCatalog catalogue;

    public TargetStore(DataDirectory dir, IndicatorCatalog catalogue) {
        this.dir = dir;
        this.catalogue = catalogue;
    }

    /** Checks and stores a set (replacing one of the same id) and makes it the default. */
    public LoadedTargets load(String text, String file) {
        TargetSet set = TargetSet.parse(text, file, catalogue);
        if (bundledIds().contains(set.id())) {
            throw new HqdException("目标集编号 " + set.id() + " 是内置目标集的编号，请换一个编号");
        }
        String what = "载入目标集 " + set.id();
        boolean replaced = Transaction.run(dir.connection(), what, c -> {
            boolean existed = Query.of(what, "DELETE FROM target_sets WHERE set_id = ?").bind(set.id()).update(c) > 0;
            Query.of(what, "INSERT INTO target_sets VALUES (?, ?, ?, ?, current_timestamp)")
                    .bind(set.id(), set.name(), file, text).update(c);
            dir.putSetting(DEFAULT_SETTING, set.id());
            return existed;
        });
        return new LoadedTargets(set, replaced);
    }

    /**
     * The target set for evaluating an indicator set: the one named; else the directory's default when it was
     * written for this indicator set; else the set's bundled targets.
     */
    public TargetSet get(IndicatorSet set, Optional<String> id) {
        if (id.isPresent()) {
            return get(id);
        }
        TargetSet preferred = get(Optional.empty());
        if (preferred.problemsWith(set).isEmpty()) {
            return preferred;
        }
        return set.defaultTargets().isEmpty() ? new TargetSet("none", "无目标", set.id(), List.of())
                : TargetSet.bundled(set.defaultTargets(), catalogue);
    }

    /** The set with this id, or the default set when empty. */
    public TargetSet get(Optional<String> id) {
        String wanted = id.orElseGet(this::defaultId);
        if (bundledIds().contains(wanted)) {
            return TargetSet.bundled(wanted, catalogue);
        }
        return Query.of("读取目标集", "SELECT content, file FROM target_sets WHERE set_id = ?").bind(wanted)
                .first(dir.connection(), r -> TargetSet.parse(r.getString(1), r.getString(2), catalogue))
                .orElseThrow(() -> new HqdException("没有编号为 " + wanted + " 的目标集；已有：" + String.join("、", ids())));
    }

    /** The ids of the bundled target sets: HQD's own and that of every bundled indicator set. */
    static List<String> bundledIds() {
        List<String> out = new ArrayList<>(List.of("design-default"));
        IndicatorSets.standard().all().stream().map(IndicatorSet::defaultTargets)
                .filter(t -> !t.isEmpty() && !out.contains(t)).forEach(out::add);
        return out;
    }

    /** The ids of every set, bundled first. */
    public List<String> ids() {
        List<String> out = bundledIds();
        out.addAll(Query.of("读取目标集", "SELECT set_id FROM target_sets ORDER BY set_id").list(dir.connection(),
                r -> r.getString(1)));
        return out;
    }

    /** The id of the default set. */
    public String defaultId() {
        return dir.setting(DEFAULT_SETTING).orElse(TargetSet.standard(catalogue).id());
    }
}
