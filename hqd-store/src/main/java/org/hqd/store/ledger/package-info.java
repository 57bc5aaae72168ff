/** The task-progress ledger in the store: committed plans and tasks, progress notes, and tracking against measured targets. */
package org.hqd.store.ledger;
