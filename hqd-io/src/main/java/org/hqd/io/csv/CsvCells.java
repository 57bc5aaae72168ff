package org.hqd.io.csv;

import java.util.regex.Pattern;

/**
 * Cells of the CSV files HQD writes for people (rejects files, {@code --format csv}, {@code hqd sql}, the results of
 * {@code hqd group}): quoted when they hold a comma, a quote or a line break, and kept from being run as a formula
 * when the file is opened in a spreadsheet. The one place both are done.
 *
 * <p>Formula injection (OWASP "CSV Injection"): a spreadsheet evaluates a cell that starts with {@code = + - @}, a
 * tab or a carriage return (and, in some East Asian set-ups, their full-width forms). Such a cell gets a single quote
 * in front, which the spreadsheet shows as text; a number such as {@code -3.5} or {@code +1e3} is left as it is, so
 * it stays a number.
 */
public final class CsvCells {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvCells() {
    }

    /** The text a spreadsheet will not evaluate: {@code '} before a formula-like cell, any other text unchanged. */
    public static String neutralised(String v) {
        if (v.isEmpty() || !formulaStart(v.charAt(0)) || NUMBER.matcher(v).matches()) {
            return v;
        }
        return "'" + v;
    }

    private static boolean formulaStart(char c) {
        switch (c) {
            case '=': case '+': case '-': case '@': case '\t': case '\r':
            case '\uFF1D': case '\uFF0B': case '\uFF0D': case '\uFF20': // full-width ＝ ＋ － ＠
                return true;
            default:
                return false;
        }
    }

    /** Appends the cell, neutralised and quoted when needed. */
    public static StringBuilder append(StringBuilder out, String v) {
        String s = neutralised(v);
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            return out.append(s);
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        return out.append('"');
    }
}
