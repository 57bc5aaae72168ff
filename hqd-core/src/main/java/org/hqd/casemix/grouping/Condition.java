package org.hqd.casemix.grouping;

/** A compiled {@link org.hqd.casemix.rulepack.Atom}: tests an encoded case, and says in Chinese what it asks. */
interface Condition {

    boolean test(CaseFacts c);

    /** What the condition requires, e.g. "主要诊断属于 GC1.adrg_zd". */
    String describe();

    /** What in the case made it hold, e.g. "K35.800x001 急性阑尾炎"; empty when there is nothing to show. */
    default String witness(CaseFacts c, CodeNames names) {
        return "";
    }

    /** One sentence for the trace: the requirement, and either its witness or "不满足". */
    default String explain(CaseFacts c, CodeNames names) {
        if (!test(c)) {
            return describe() + "（不满足）";
        }
        String w = witness(c, names);
        return w.isEmpty() ? describe() : describe() + "：" + w;
    }

    /** Whether all conditions hold; an empty list holds. */
    static boolean all(Condition[] conditions, CaseFacts c) {
        for (Condition k : conditions) {
            if (!k.test(c)) {
                return false;
            }
        }
        return true;
    }
}
