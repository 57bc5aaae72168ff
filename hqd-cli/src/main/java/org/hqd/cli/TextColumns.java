package org.hqd.cli;

/** Pads console table cells by display width, counting a CJK character as two columns. */
final class TextColumns {
    private TextColumns() {
    }

    /** The text left-aligned in a cell of this display width. */
    static String left(String s, int width) {
        return s + " ".repeat(Math.max(0, width - width(s)));
    }

    /** The text right-aligned in a cell of this display width. */
    static String right(String s, int width) {
        return " ".repeat(Math.max(0, width - width(s))) + s;
    }

    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            w += c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                    || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                    || (c >= 0xFFE0 && c <= 0xFFE6)) ? 2 : 1;
        }
        return w;
    }

    /**
     * The display width of a column holding these cells: the widest cell and a gap of two, at least {@code min} (e.g.
     * the heading's) and at most {@code max} (wider cells are then {@link #shorten shortened} to {@code max - 2}).
     */
    static int fit(java.util.Collection<String> cells, int min, int max) {
        return Math.max(min, Math.min(max, cells.stream().mapToInt(c -> width(c) + 2).max().orElse(min)));
    }

    /** The text cut to this display width, ending in … when it was longer. */
    static String shorten(String s, int width) {
        if (width(s) <= width) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (width(b.toString() + c) > width - 1) {
                break;
            }
            b.append(c);
        }
        return b + "…";
    }
}
