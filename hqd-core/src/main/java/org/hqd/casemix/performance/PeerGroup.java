package org.hqd.casemix.performance;

/** Which hospitals a unit is compared with. */
public enum PeerGroup {
    /** Every hospital in the store (the default of DESIGN §3.4). */
    ALL,
    /** The hospitals of the unit's own tier (peer group), from the register. */
    TIER
}
