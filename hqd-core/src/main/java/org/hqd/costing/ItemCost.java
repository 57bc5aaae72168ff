package org.hqd.costing;

import java.math.BigDecimal;
import org.hqd.casemix.abstracts.ChargeCategory;

/**
 * A clinical department's service-item cost (项目成本, yuan) of one charge category in a year, from the hospital's own
 * item costing; with item costs loaded, case costs follow them (项目叠加法) instead of the charges.
 */
public record ItemCost(String hospitalId, int year, String department, ChargeCategory category, BigDecimal cost) {
}
