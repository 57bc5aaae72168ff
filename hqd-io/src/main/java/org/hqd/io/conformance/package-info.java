/** The conformance cases of the rule packs: reading them and checking a grouper against them. */
@NullMarked
package org.hqd.io.conformance;

import org.jspecify.annotations.NullMarked;
