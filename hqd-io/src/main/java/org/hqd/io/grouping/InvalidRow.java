package org.hqd.io.grouping;

/** A row that could not be grouped because its input fails a check: where it is and why. */
public record InvalidRow(long line, String recordId, String reason) {
}
