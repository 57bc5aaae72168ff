/** Small tables from CSV or Excel files (budget, actuals, targets), read whole with their line numbers. */
package org.hqd.io.table;
