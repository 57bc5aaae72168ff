package org.hqd.costing;

/**
 * One level of the allocation: the class that sent, how much it sent (fen), and the sum of every unit's cost after
 * the level — always the total direct cost: allocation moves money, it never makes or loses a fen.
 */
public record AllocationStep(int level, CostClass sender, long allocated, long totalAfter) {
}
