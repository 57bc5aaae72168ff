package org.hqd.costing;

import java.math.BigDecimal;

/** A driver's value for one department of a hospital's year (≥ 0, in the driver's unit). */
public record DriverValue(String hospitalId, int year, String department, String driver, BigDecimal value) {
}
