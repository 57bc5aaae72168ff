/** Read-only questions to the store: ad-hoc SQL and the data-quality report. */
@NullMarked
package org.hqd.store.query;

import org.jspecify.annotations.NullMarked;
