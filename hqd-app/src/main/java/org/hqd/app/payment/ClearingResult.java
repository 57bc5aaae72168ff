package org.hqd.app.payment;

import java.util.OptionalInt;
import org.hqd.payment.Clearing;

/** A year-end 清算 of the fund, on a basis; {@code savedAs} the id it was stored under, if it was. */
public record ClearingResult(SettlementBasis basis, int year, Clearing clearing, OptionalInt savedAs) {
}
