package org.hqd.budget;

/** An amount of one department (cost centre), item and month of a hospital's year, in fen. */
public record BudgetLine(String hospitalId, int year, String department, String item, int month, long fen) {
    /** The line's key without the amount. */
    public String key() {
        return hospitalId + "\u0001" + year + "\u0001" + department + "\u0001" + item + "\u0001" + month;
    }
}
