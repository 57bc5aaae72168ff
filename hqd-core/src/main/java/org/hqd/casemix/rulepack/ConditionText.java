package org.hqd.casemix.rulepack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/*
 * The condition column of the scheme tables: the atoms of casemix-rulepack/1 written in one line.
 *   condition := ''  |  clause (' & ' clause)*          all clauses hold (empty: no condition)
 *   clause    := '!' clause                              the clause does not hold ("not")
 *              | '(' condition (' | ' condition)* ')'    one alternative holds ("anyOf"; 'true' is empty)
 *              | name  |  name '(' arg (',' arg)* ')'    an atom, named as in rules.json
 * Arguments are written bare: list names, codes, numbers; procTag(codes, tags, tag); traumaSitesAtLeast(count, site…);
 * flags (noProc, birthWeightKnown) have none. Names and arguments cannot contain & | ! ( ) , — no list of the
 * bundled schemes does.
 */
/** Converts between a {@code when} array of {@code rules.json} and its one-line form in the scheme tables. */
final class ConditionText {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> INTEGERS = Set.of("procCountAtLeast", "ageYearsAtMost", "ageYearsAtLeast",
            "ageDaysAtMost", "birthWeightAtLeast", "birthWeightBelow", "losDaysAtLeast", "losDaysAtMost");
    private static final Set<String> FLAGS = Set.of("noProc", "birthWeightKnown");
    private static final String TRUE = "true";

    private final String text;
    private int pos;

    private ConditionText(String text) {
        this.text = text;
    }

    /** The one-line form of a {@code when} array. */
    static String write(JsonNode when) {
        List<String> parts = new ArrayList<>();
        when.forEach(a -> parts.add(clause(a)));
        return String.join(" & ", parts);
    }

    private static String clause(JsonNode atom) {
        Map.Entry<String, JsonNode> e = atom.fields().next();
        String name = e.getKey();
        JsonNode v = e.getValue();
        switch (name) {
            case "not":
                return "!" + clause(v);
            case "anyOf": {
                List<String> alternatives = new ArrayList<>();
                v.forEach(alt -> alternatives.add(alt.isEmpty() ? TRUE : write(alt)));
                return "(" + String.join(" | ", alternatives) + ")";
            }
            case "procTag":
                return name + "(" + v.path("codes").asText() + ", " + v.path("tags").asText() + ", "
                        + v.path("tag").asText() + ")";
            case "traumaSitesAtLeast": {
                List<String> args = new ArrayList<>(List.of(v.path("count").asText()));
                v.path("sites").forEach(s -> args.add(s.asText()));
                return name + "(" + String.join(", ", args) + ")";
            }
            default:
                if (FLAGS.contains(name) && v.isBoolean()) {
                    return v.booleanValue() ? name : "!" + name;
                }
                if (v.isArray()) {
                    List<String> args = new ArrayList<>();
                    v.forEach(x -> args.add(x.asText()));
                    return name + "(" + String.join(", ", args) + ")";
                }
                return name + "(" + v.asText() + ")";
        }
    }

    /** The {@code when} array of a one-line condition; a syntax error is an {@link IllegalArgumentException}. */
    static ArrayNode read(String text) {
        ConditionText p = new ConditionText(text);
        ArrayNode when = p.conjunction();
        p.space();
        if (p.pos < text.length()) {
            throw p.error("多余的 '" + text.charAt(p.pos) + "'");
        }
        return when;
    }

    private ArrayNode conjunction() {
        ArrayNode out = F.arrayNode();
        space();
        if (pos >= text.length() || peek(')') || peek('|')) {
            return out;
        }
        while (true) {
            JsonNode c = clause();
            if (c != null) {
                out.add(c);
            }
            space();
            if (!peek('&')) {
                return out;
            }
            pos++;
        }
    }

    /** One clause; {@code null} for the word {@code true} (no condition). */
    private JsonNode clause() {
        space();
        if (peek('!')) {
            pos++;
            JsonNode inner = clause();
            if (inner == null) {
                throw error("'!' 后缺少条件");
            }
            ObjectNode n = F.objectNode();
            n.set("not", inner);
            return n;
        }
        if (peek('(')) {
            pos++;
            ArrayNode alternatives = F.arrayNode();
            alternatives.add(conjunction());
            while (peek('|')) {
                pos++;
                alternatives.add(conjunction());
            }
            if (!peek(')')) {
                throw error("缺少 ')'");
            }
            pos++;
            ObjectNode n = F.objectNode();
            n.set("anyOf", alternatives);
            return n;
        }
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (name.isEmpty()) {
            throw error(pos < text.length() ? "此处应为条件名，实际为 '" + text.charAt(pos) + "'" : "缺少条件");
        }
        space();
        List<String> args = new ArrayList<>();
        if (peek('(')) {
            int close = text.indexOf(')', pos);
            if (close < 0) {
                throw error("条件 " + name + " 缺少 ')'");
            }
            for (String a : text.substring(pos + 1, close).split(",", -1)) {
                args.add(a.strip());
            }
            pos = close + 1;
        }
        if (name.equals(TRUE) && args.isEmpty()) {
            return null;
        }
        return atom(name, args);
    }

    private JsonNode atom(String name, List<String> args) {
        ObjectNode n = F.objectNode();
        if (FLAGS.contains(name)) {
            if (!args.isEmpty()) {
                throw error(name + " 不带参数");
            }
            return n.put(name, true);
        }
        if (args.isEmpty() || args.stream().anyMatch(String::isEmpty)) {
            throw error("条件 " + name + " 缺少参数");
        }
        switch (name) {
            case "procTag" -> {
                arity(name, args, 3);
                n.putObject(name).put("codes", args.get(0)).put("tags", args.get(1)).put("tag", args.get(2));
            }
            case "traumaSitesAtLeast" -> {
                ObjectNode t = n.putObject(name);
                ArrayNode sites = t.putArray("sites");
                args.subList(1, args.size()).forEach(sites::add);
                t.put("count", integer(name, args.get(0)));
            }
            case "losDaysBetween" -> {
                arity(name, args, 2);
                n.putArray(name).add(integer(name, args.get(0))).add(integer(name, args.get(1)));
            }
            case "dischargeMethodIn" -> {
                ArrayNode m = n.putArray(name);
                args.forEach(m::add);
            }
            default -> {
                arity(name, args, 1);
                if (INTEGERS.contains(name)) {
                    n.put(name, integer(name, args.get(0)));
                } else {
                    n.put(name, args.get(0));
                }
            }
        }
        return n;
    }

    private void arity(String name, List<String> args, int n) {
        if (args.size() != n) {
            throw error("条件 " + name + " 应有 " + n + " 个参数，实际 " + args.size() + " 个");
        }
    }

    private int integer(String name, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw error("条件 " + name + " 的参数应为整数，实际为 '" + v + "'");
        }
    }

    private boolean peek(char c) {
        space();
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void space() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("条件 '" + text + "' 第 " + (pos + 1) + " 个字符处：" + what);
    }

}
