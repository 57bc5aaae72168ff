package org.hqd.casemix.monitoring;

import java.util.Objects;
import org.hqd.casemix.abstracts.DischargeAbstract;

/**
 * A patient still in hospital: the abstract so far (diagnoses and procedures coded up to now; its length of stay is
 * the days so far) and the running charges.
 */
public record CurrentStay(DischargeAbstract soFar, double runningCost, double drugCost, double materialCost,
                          double examLabCost) {
    public CurrentStay {
        Objects.requireNonNull(soFar, "soFar");
    }
}
