package org.hqd.store.evaluation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.hqd.store.StoreException;
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
        boolean replaced = Transaction.run(dir.connection(), "载入目标集 " + set.id(), c -> {
            boolean existed;
            try (PreparedStatement d = c.prepareStatement("DELETE FROM target_sets WHERE set_id = ?")) {
                d.setString(1, set.id());
                existed = d.executeUpdate() > 0;
            }
            try (PreparedStatement i = c.prepareStatement(
                    "INSERT INTO target_sets VALUES (?, ?, ?, ?, current_timestamp)")) {
                i.setString(1, set.id());
                i.setString(2, set.name());
                i.setString(3, file);
                i.setString(4, text);
                i.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO settings VALUES (?, ?)")) {
                p.setString(1, DEFAULT_SETTING);
                p.setString(2, set.id());
                p.executeUpdate();
            }
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
        String wanted = id.orElseGet(() -> dir.setting(DEFAULT_SETTING).orElse(TargetSet.standard(catalogue).id()));
        if (bundledIds().contains(wanted)) {
            return TargetSet.bundled(wanted, catalogue);
        }
        try (PreparedStatement s = dir.connection().prepareStatement(
                "SELECT content, file FROM target_sets WHERE set_id = ?")) {
            s.setString(1, wanted);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new HqdException("没有编号为 " + wanted + " 的目标集；已有：" + String.join("、", ids()));
                }
                return TargetSet.parse(r.getString(1), r.getString(2), catalogue);
            }
        } catch (SQLException e) {
            throw new StoreException("读取目标集", e);
        }
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
