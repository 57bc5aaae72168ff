package org.hqd.evaluation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.hqd.HqdException;

/**
 * An indicator's formula: arithmetic ({@code + - * /}, parentheses, numbers) over {@link Measure} ids, e.g.
 * {@code total_weight / grouped_cases} or {@code energy_spending / (total_revenue / 10000)}, and a fallback
 * {@code a ?? b} (lowest precedence): the value of {@code a} when it has one, else that of {@code b}. Evaluating it
 * with a measure missing, or dividing by zero, gives no value (never 0, never NaN).
 */
public final class Formula {
    private sealed interface Node permits Num, Ref, Bin { }

    private record Num(double value) implements Node { }

    private record Ref(Measure measure) implements Node { }

    private record Bin(char op, Node left, Node right) implements Node { }

    private final String text;
    private final Node root;
    private final Set<Measure> measures;

    private Formula(String text, Node root, Set<Measure> measures) {
        this.text = text;
        this.root = root;
        this.measures = measures;
    }

    /**
     * Parses a formula; a syntax error is an {@link HqdException} naming the character position, an unknown measure
     * one naming the identifier and the known measures.
     */
    public static Formula parse(String text) {
        Parser p = new Parser(text);
        Node root = p.fallback();
        p.skipBlanks();
        if (p.at < text.length()) {
            throw p.error("多余的内容");
        }
        return new Formula(text.strip(), root, p.used);
    }

    /** The value over these measures, or empty when a measure is missing or a denominator is zero. */
    public OptionalDouble evaluate(Map<Measure, Double> values) {
        double v = eval(root, values);
        return Double.isNaN(v) || Double.isInfinite(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static double eval(Node n, Map<Measure, Double> values) {
        if (n instanceof Num num) {
            return num.value();
        }
        if (n instanceof Ref ref) {
            Double v = values.get(ref.measure());
            return v == null ? Double.NaN : v;
        }
        Bin bin = (Bin) n;
        if (bin.op() == '?') {
            double first = eval(bin.left(), values);
            return Double.isNaN(first) || Double.isInfinite(first) ? eval(bin.right(), values) : first;
        }
        double l = eval(bin.left(), values);
        double r = eval(bin.right(), values);
        return switch (bin.op()) {
            case '+' -> l + r;
            case '-' -> l - r;
            case '*' -> l * r;
            default -> r == 0 ? Double.NaN : l / r;
        };
    }

    /** The measures the formula uses. */
    public Set<Measure> measures() {
        return measures;
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String s;
        private int at;
        private final Set<Measure> used = EnumSet.noneOf(Measure.class);

        Parser(String s) {
            this.s = s;
        }

        Node fallback() {
            Node n = expression();
            for (skipBlanks(); s.startsWith("??", at); skipBlanks()) {
                at += 2;
                n = new Bin('?', n, expression());
            }
            return n;
        }

        Node expression() {
            Node n = term();
            for (skipBlanks(); at < s.length() && (s.charAt(at) == '+' || s.charAt(at) == '-'); skipBlanks()) {
                char op = s.charAt(at++);
                n = new Bin(op, n, term());
            }
            return n;
        }

        Node term() {
            Node n = factor();
            for (skipBlanks(); at < s.length() && (s.charAt(at) == '*' || s.charAt(at) == '/'); skipBlanks()) {
                char op = s.charAt(at++);
                n = new Bin(op, n, factor());
            }
            return n;
        }

        Node factor() {
            skipBlanks();
            if (at >= s.length()) {
                throw error("公式不完整");
            }
            char c = s.charAt(at);
            if (c == '(') {
                at++;
                Node n = fallback();
                skipBlanks();
                if (at >= s.length() || s.charAt(at) != ')') {
                    throw error("缺少右括号");
                }
                at++;
                return n;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = at;
                while (at < s.length() && (Character.isDigit(s.charAt(at)) || s.charAt(at) == '.')) {
                    at++;
                }
                try {
                    return new Num(Double.parseDouble(s.substring(start, at)));
                } catch (NumberFormatException e) {
                    throw error("数字格式错误");
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int start = at;
                while (at < s.length() && (Character.isLetterOrDigit(s.charAt(at)) || s.charAt(at) == '_')) {
                    at++;
                }
                String id = s.substring(start, at);
                Measure m = Measure.byId(id).orElseThrow(() -> new HqdException("公式 '" + s + "' 中的 '" + id
                        + "' 不是已知的统计量；可用：" + known()));
                used.add(m);
                return new Ref(m);
            }
            throw error("无法识别的字符 '" + c + "'");
        }

        void skipBlanks() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }

        HqdException error(String what) {
            return new HqdException("公式 '" + s + "' 第 " + (at + 1) + " 个字符处" + what);
        }

        private static String known() {
            List<String> ids = new ArrayList<>();
            for (Measure m : Measure.values()) {
                ids.add(m.id());
            }
            return String.join("、", ids);
        }
    }
}
