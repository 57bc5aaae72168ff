package org.hqd.app.ledger;

import java.util.Optional;

/** A plan in the ledger: its id, title, the document it came from, its hospital (none: a region's plan), its tasks. */
public record LedgerPlan(String planId, String title, String document, Optional<String> hospitalId, int tasks) { }
