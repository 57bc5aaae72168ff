package org.hqd.payment;

/**
 * One line of a 清算: a hospital × group cell, or a hospital's or a group's total (the other key empty).
 *
 * @param clearedFen the line's share of the fund, in fen
 */
public record ClearingLine(String hospitalId, String group, long cases, double points, long presettledFen,
                           long clearedFen) {
    /** What is still owed to the hospital (negative: to be recovered) after pre-settlement. */
    public long differenceFen() {
        return clearedFen - presettledFen;
    }
}
