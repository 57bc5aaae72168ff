package org.hqd.cli;

import java.io.PrintWriter;
import org.hqd.app.DataAccess;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.importing.Importer;
import org.hqd.store.standards.StandardsStore;
import org.hqd.store.standards.WeightVersion;

/** The weight version an analysis uses: the latest; version 1 is computed (and said so) when there is none. */
final class WeightsInUse {
    private WeightsInUse() {
    }

    static WeightVersion of(DataDirectory dir, PrintWriter err) {
        StandardsStore.Latest l = new StandardsStore(dir).ensureComputed(
                dir.setting(Importer.SCHEME_SETTING).orElse(RulePackCatalog.DEFAULT_PACK));
        if (l.computedNow()) {
            err.printf("尚无病组权重：已按全部病例计算权重版本 %d（%,d 例）%n", l.version().version(), l.version().cases());
        }
        return l.version();
    }

    static WeightVersion of(DataAccess data, PrintWriter err) {
        return data.with(dir -> of(dir, err));
    }
}
