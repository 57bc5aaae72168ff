package org.hqd.casemix.grouping;

import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.rulepack.RulePack;

/**
 * Groups discharge abstracts into DRGs under one rule pack. Implementations are immutable and safe to share
 * between threads.
 *
 * <pre>{@code
 * DrgGrouper grouper = DrgGrouper.of(RulePackCatalog.bundled().load("chs-drg-1.1"));
 * GroupingResult r = grouper.group(abstract_, GroupingOptions.TRACED);
 * }</pre>
 */
public interface DrgGrouper {

    /** Groups one case. */
    GroupingResult group(DischargeAbstract a, GroupingOptions options);

    /** Groups one case without a trace, codes as given. */
    default GroupingResult group(DischargeAbstract a) {
        return group(a, GroupingOptions.DEFAULT);
    }

    /** Whether the pack knows this diagnosis or procedure code (its dictionary, code lists or tables). */
    boolean knowsCode(String code);

    /** The pack this grouper applies. */
    RulePack pack();

    /** A grouper for this pack; compiling takes a fraction of a second, so build one and keep it. */
    static DrgGrouper of(RulePack pack) {
        return new RuleEngine(CompiledPack.compile(pack));
    }
}
