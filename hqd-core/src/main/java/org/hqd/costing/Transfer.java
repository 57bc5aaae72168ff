package org.hqd.costing;

import java.math.BigDecimal;

/**
 * One amount moved by the allocation, and why: at a level (1 一级 … 3 三级), from a department, of an item, to a
 * unit, by a driver, with the receiving department's weight (its value of the driver) out of the total weight of
 * all receivers. A clinical department's share is divided between its units by the split basis afterwards; the
 * transfer names the unit it reached.
 */
public record Transfer(int level, String from, String item, String to, Setting toSetting, long amount,
                       String driver, BigDecimal weight, BigDecimal totalWeight) {
}
