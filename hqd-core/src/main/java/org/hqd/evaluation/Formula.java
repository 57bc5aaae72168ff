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
 * {@code total_weight / grouped_cases} or {@code energy_spending / (total_revenue / 10000)}; {@code prior(m)}, the
 * measure over the same months one year earlier (year-on-year growth: {@code m / prior(m) - 1}); and a fallback
 * {@code a ?? b} (lowest precedence): the value of {@code a} when it has one, else that of {@code b}. Evaluating it
 * with a measure missing, or dividing by zero, gives no value (never 0, never NaN); {@link #outcome} also says
 * which inputs were missing and which sources the value came from.
 */
public final class Formula {
    private sealed interface Node permits Num, Ref, Bin { }

    private record Num(double value) implements Node { }

    private record Ref(Measure measure, boolean prior) implements Node { }

    private record Bin(char op, Node left, Node right) implements Node { }

    private final String text;
    private final Node root;
    private final Set<Measure> measures;
    private final boolean usesPrior;

    private Formula(String text, Node root, Set<Measure> measures, boolean usesPrior) {
        this.text = text;
        this.root = root;
        this.measures = measures;
        this.usesPrior = usesPrior;
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
        return new Formula(text.strip(), root, p.used, p.prior);
    }

    /** The value over these measures (no prior year), or empty when a measure is missing or a denominator is 0. */
    public OptionalDouble evaluate(Map<Measure, Double> values) {
        return outcome(values, Map.of()).value();
    }

    /**
     * The value over the period's measures and those of the same months a year earlier, with what it used or
     * what was missing.
     */
    public FormulaOutcome outcome(Map<Measure, Double> values, Map<Measure, Double> prior) {
        Trace t = new Trace(values, prior);
        double v = t.eval(root);
        boolean ok = !Double.isNaN(v) && !Double.isInfinite(v);
        return new FormulaOutcome(ok ? OptionalDouble.of(v) : OptionalDouble.empty(), ok ? t.used : Set.of(),
                ok ? List.of() : List.copyOf(t.missing), !ok && t.missing.isEmpty() && t.zero);
    }

    /** What one evaluation touched: the measures whose values made the result, the inputs found missing. */
    private static final class Trace {
        final Map<Measure, Double> values;
        final Map<Measure, Double> prior;
        Set<Measure> used = EnumSet.noneOf(Measure.class);
        final java.util.LinkedHashSet<String> missing = new java.util.LinkedHashSet<>();
        boolean zero;

        Trace(Map<Measure, Double> values, Map<Measure, Double> prior) {
            this.values = values;
            this.prior = prior;
        }

        double eval(Node n) {
            if (n instanceof Num num) {
                return num.value();
            }
            if (n instanceof Ref ref) {
                Double v = (ref.prior() ? prior : values).get(ref.measure());
                if (v == null) {
                    missing.add((ref.prior() ? "上年同期的" : "") + ref.measure().input());
                    return Double.NaN;
                }
                used.add(ref.measure());
                return v;
            }
            Bin bin = (Bin) n;
            if (bin.op() == '?') {
                Set<Measure> before = used;
                used = EnumSet.noneOf(Measure.class);
                double first = eval(bin.left());
                if (!Double.isNaN(first) && !Double.isInfinite(first)) {
                    used.addAll(before);
                    return first;
                }
                used = EnumSet.copyOf(before);
                return eval(bin.right());
            }
            double l = eval(bin.left());
            double r = eval(bin.right());
            if (bin.op() == '/' && r == 0) {
                zero = true;
            }
            return switch (bin.op()) {
                case '+' -> l + r;
                case '-' -> l - r;
                case '*' -> l * r;
                default -> r == 0 ? Double.NaN : l / r;
            };
        }
    }

    /** The measures the formula uses. */
    public Set<Measure> measures() {
        return measures;
    }

    /** Whether the formula uses a measure of the year before ({@code prior(…)}). */
    public boolean usesPrior() {
        return usesPrior;
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Parser {
        private final String s;
        private int at;
        private final Set<Measure> used = EnumSet.noneOf(Measure.class);
        private boolean prior;

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
                if (id.equals("prior")) {
                    return priorOf();
                }
                Measure m = Measure.byId(id).orElseThrow(() -> new HqdException("公式 '" + s + "' 中的 '" + id
                        + "' 不是已知的统计量；可用：" + known()));
                used.add(m);
                return new Ref(m, false);
            }
            throw error("无法识别的字符 '" + c + "'");
        }

        /** {@code prior(measure)}: the measure one year earlier. */
        Node priorOf() {
            skipBlanks();
            if (at >= s.length() || s.charAt(at) != '(') {
                throw error("prior 后应为 (统计量)");
            }
            at++;
            Node inner = factor();
            skipBlanks();
            if (!(inner instanceof Ref ref) || ref.prior() || at >= s.length() || s.charAt(at) != ')') {
                throw error("prior(…) 中只能是一个统计量");
            }
            at++;
            prior = true;
            return new Ref(ref.measure(), true);
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
