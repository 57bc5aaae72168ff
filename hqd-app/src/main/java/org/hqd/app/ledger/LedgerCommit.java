package org.hqd.app.ledger;

import java.util.List;

/**
 * What committing a document did: plans written; tasks added, updated, unchanged and removed (those a revision drops);
 * the numbered items left out because they are not tasks.
 */
public record LedgerCommit(int plans, int added, int updated, int unchanged, int removed, List<String> skipped) {
    public LedgerCommit {
        skipped = List.copyOf(skipped);
    }

    /** What the commit of a document did, in a sentence: "方案.txt：2 个方案，新增 60 项任务，更新 0 项，…". */
    public String describe(String document) {
        return String.format("%s：%d 个方案，新增 %d 项任务，更新 %d 项，未变 %d 项，移除 %d 项", document, plans, added,
                updated, unchanged, removed);
    }
}
