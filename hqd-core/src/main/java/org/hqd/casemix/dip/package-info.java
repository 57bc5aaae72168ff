/**
 * DIP (病种分值, DESIGN §3.2): a catalogue of diagnosis–intervention groups built from a baseline — core groups
 * with enough cases, comprehensive groups for the rest — with scores, and the grouping of a case into it.
 */
@NullMarked
package org.hqd.casemix.dip;

import org.jspecify.annotations.NullMarked;
