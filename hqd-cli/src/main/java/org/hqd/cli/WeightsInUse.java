package org.hqd.cli;

import java.io.PrintWriter;
import org.hqd.app.DataAccess;
import org.hqd.app.standards.StandardsService;
import org.hqd.casemix.standards.LatestWeights;
import org.hqd.casemix.standards.WeightVersion;

/** The weight version an analysis uses: the latest; version 1 is computed (and said so) when there is none. */
final class WeightsInUse {
    private WeightsInUse() {
    }

    static WeightVersion of(DataAccess data, PrintWriter err) {
        LatestWeights l = new StandardsService(data).ensureComputed();
        if (l.computedNow()) {
            err.printf("尚无病组权重：已按全部病例计算权重版本 %d（%,d 例）%n", l.version().version(), l.version().cases());
        }
        return l.version();
    }
}
