/**
 * The task-progress ledger (任务推进台账): a plan document is read into plans → sections → numbered tasks with
 * their responsible units, deadlines and quantitative targets ({@link org.hqd.ledger.PlanParser}, driven by the
 * data in {@link org.hqd.ledger.ExtractionRules}); a review file lets a person correct the extraction before it
 * is committed ({@link org.hqd.ledger.LedgerReview}); tracking ({@link org.hqd.ledger.Tracking}) gives each task
 * its effective status, and the follow-up (回头看) and briefing lists. No I/O here.
 */
package org.hqd.ledger;
