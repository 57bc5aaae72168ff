/**
 * The task-progress ledger's use cases (任务推进台账): committing an extracted plan document, tracking tasks against
 * their measured targets, recording progress, the briefing. See {@link org.hqd.app.ledger.LedgerService}.
 */
@NullMarked
package org.hqd.app.ledger;

import org.jspecify.annotations.NullMarked;
