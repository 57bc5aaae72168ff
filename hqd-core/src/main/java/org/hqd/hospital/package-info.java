/** Hospitals: the register (tier, type, region) and their periodic facility reports (DESIGN §2.2–2.3). */
@NullMarked
package org.hqd.hospital;

import org.jspecify.annotations.NullMarked;
