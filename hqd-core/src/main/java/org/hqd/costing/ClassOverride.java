package org.hqd.costing;

/** A hospital's own class for one of its departments (overrides the catalogue's default). */
public record ClassOverride(String hospitalId, String department, CostClass costClass) {
}
