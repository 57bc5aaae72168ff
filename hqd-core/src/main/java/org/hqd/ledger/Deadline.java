package org.hqd.ledger;

import java.time.LocalDate;
import java.util.Optional;

/** A deadline as written in a task ("到2025年", "2022年6月底前", "“十四五”期间") and the date it means, if it means one. */
public record Deadline(String text, Optional<LocalDate> due) {
}
