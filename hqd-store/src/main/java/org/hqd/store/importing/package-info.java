/** Importing files into a data directory: abstracts (checked, grouped, pseudonymised), register, reports. */
@NullMarked
package org.hqd.store.importing;

import org.jspecify.annotations.NullMarked;
