/** The {@code casemix-rulepack/1} format: rule packs and code dictionaries as data, loaded and validated. */
@NullMarked
package org.hqd.casemix.rulepack;

import org.jspecify.annotations.NullMarked;
