package org.hqd.casemix.layout;

import java.util.Locale;

/** How header names are compared: blanks, a byte-order mark, full-width brackets and letter case do not count. */
public final class ColumnNames {
    private ColumnNames() {
    }

    /** The name as compared: "其他诊断编码 1" and "其他诊断编码1", "年龄（岁）" and "年龄(岁)", "bah" and "BAH" are equal. */
    public static String normalise(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF' || c == '\u3000' || c == '"') {
                continue;
            }
            b.append(c == '（' ? '(' : c == '）' ? ')' : c);
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }
}
