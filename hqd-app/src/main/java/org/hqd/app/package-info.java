/**
 * The application layer: one service per feature (intake, ledger, budget …), between the adapters (command line, web,
 * demo, reports) and the store. A service takes the acting {@link org.hqd.app.Actor}, owns its transaction, its audit
 * entry and its side effects, and returns core types or its own records; it never returns JDBC, picocli or Javalin
 * types. See docs/architecture.md, "Which layer a new feature's parts go in".
 */
@NullMarked
package org.hqd.app;

import org.jspecify.annotations.NullMarked;
