/** Budget management in the store: versions and their lines, the workflow's events, actuals, imports with rejects, performance targets. */
package org.hqd.store.budget;
