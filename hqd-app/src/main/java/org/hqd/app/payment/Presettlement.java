package org.hqd.app.payment;

import java.util.List;
import org.hqd.payment.MonthLine;

/** Monthly pre-settlement (月度预结算): per hospital and month, on a basis. */
public record Presettlement(SettlementBasis basis, List<MonthLine> lines) {
    public Presettlement {
        lines = List.copyOf(lines);
    }
}
