/** In-stay monitoring (事中监控, DESIGN §3.4): a current stay against the standard of the DRG it is heading for. */
@NullMarked
package org.hqd.casemix.monitoring;

import org.jspecify.annotations.NullMarked;
