package org.hqd.casemix.rulepack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the JSON atoms of {@code rules.json} into {@link Atom}s. Every atom name is registered here explicitly;
 * an unknown name or a malformed argument becomes a {@link RulePackProblem}, and parsing goes on.
 */
final class AtomParser {
    /** Atoms whose argument is a flag: {@code true} asks for the condition, {@code false} for its opposite. */
    private static final java.util.Set<String> FLAGS = java.util.Set.of("noProc", "birthWeightKnown");
    private final String file;
    private final List<RulePackProblem> problems;
    private final Map<String, Function<JsonNode, Atom>> registry;

    AtomParser(String file, List<RulePackProblem> problems) {
        this.file = file;
        this.problems = problems;
        this.registry = Map.ofEntries(
                Map.entry("principalDxIn", v -> new Atom.PrincipalDxIn(text(v))),
                Map.entry("anyDxIn", v -> new Atom.AnyDxIn(text(v))),
                Map.entry("secondaryDxIn", v -> new Atom.SecondaryDxIn(text(v))),
                Map.entry("anyDxStartsWith", v -> new Atom.AnyDxStartsWith(text(v))),
                Map.entry("mainProcIn", v -> new Atom.MainProcIn(text(v))),
                Map.entry("anyProcIn", v -> new Atom.AnyProcIn(text(v))),
                Map.entry("secondaryProcIn", v -> new Atom.SecondaryProcIn(text(v))),
                Map.entry("procCountAtLeast", v -> new Atom.ProcCountAtLeast(integer(v))),
                Map.entry("noProc", v -> new Atom.NoProc()),
                Map.entry("sex", v -> new Atom.SexIs(text(v))),
                Map.entry("ageYearsAtMost", v -> new Atom.AgeYearsAtMost(integer(v))),
                Map.entry("ageYearsAtLeast", v -> new Atom.AgeYearsAtLeast(integer(v))),
                Map.entry("ageDaysAtMost", v -> new Atom.AgeDaysAtMost(integer(v))),
                Map.entry("birthWeightKnown", v -> new Atom.BirthWeightKnown()),
                Map.entry("birthWeightAtLeast", v -> new Atom.BirthWeightAtLeast(integer(v))),
                Map.entry("birthWeightBelow", v -> new Atom.BirthWeightBelow(integer(v))),
                Map.entry("losDaysAtLeast", v -> new Atom.LosDaysAtLeast(integer(v))),
                Map.entry("losDaysAtMost", v -> new Atom.LosDaysAtMost(integer(v))),
                Map.entry("losDaysBetween", v -> new Atom.LosDaysBetween(integer(v.path(0)), integer(v.path(1)))),
                Map.entry("dischargeMethodIn", v -> new Atom.DischargeMethodIn(texts(v))),
                Map.entry("secondaryDx", v -> new Atom.SecondaryDxComplication(ComplicationLevel.valueOf(text(v)))),
                Map.entry("procTag", v -> new Atom.ProcTag(text(v.path("codes")), text(v.path("tags")),
                        text(v.path("tag")))),
                Map.entry("traumaSitesAtLeast", v -> new Atom.TraumaSitesAtLeast(texts(v.path("sites")),
                        integer(v.path("count")))));
    }

    /** The atoms of a {@code when} array; a missing array is no condition. */
    List<Atom> parseAll(JsonNode when, String pointer) {
        List<Atom> atoms = new ArrayList<>();
        if (when.isMissingNode() || when.isNull()) {
            return atoms;
        }
        if (!when.isArray()) {
            problems.add(new RulePackProblem(file, pointer, "\"when\" 应为数组"));
            return atoms;
        }
        for (int i = 0; i < when.size(); i++) {
            parse(when.get(i), pointer + "/" + i).ifPresent(atoms::add);
        }
        return atoms;
    }

    Optional<Atom> parse(JsonNode node, String pointer) {
        if (!node.isObject() || node.size() != 1) {
            problems.add(new RulePackProblem(file, pointer, "条件应为只有一个键的对象，实际为 " + node));
            return Optional.empty();
        }
        String name = node.fieldNames().next();
        JsonNode arg = node.get(name);
        try {
            if ("not".equals(name)) {
                return parse(arg, pointer + "/not").map(Atom.Not::new);
            }
            if ("anyOf".equals(name)) {
                if (!arg.isArray() || arg.isEmpty()) {
                    problems.add(new RulePackProblem(file, pointer, "anyOf 应为非空的条件数组的数组，实际为 " + arg));
                    return Optional.empty();
                }
                List<List<Atom>> alternatives = new ArrayList<>();
                for (int i = 0; i < arg.size(); i++) {
                    if (!arg.get(i).isArray()) {
                        problems.add(new RulePackProblem(file, pointer + "/anyOf/" + i, "anyOf 的每个选项应为条件数组"));
                        return Optional.empty();
                    }
                    alternatives.add(parseAll(arg.get(i), pointer + "/anyOf/" + i));
                }
                return Optional.of(new Atom.AnyOf(alternatives));
            }
            Function<JsonNode, Atom> f = registry.get(name);
            if (f == null) {
                problems.add(new RulePackProblem(file, pointer, "未知的条件 '" + name + "'"));
                return Optional.empty();
            }
            Atom atom = f.apply(arg);
            // flag atoms ({"noProc": true}) written with false mean the opposite
            return Optional.of(FLAGS.contains(name) && arg.isBoolean() && !arg.booleanValue() ? new Atom.Not(atom) : atom);
        } catch (IllegalArgumentException e) {
            problems.add(new RulePackProblem(file, pointer, "条件 '" + name + "' 的参数无效：" + arg));
            return Optional.empty();
        }
    }

    private static String text(JsonNode v) {
        if (!v.isTextual() && !v.isNumber()) {
            throw new IllegalArgumentException("not text: " + v);
        }
        return v.asText();
    }

    private static int integer(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.intValue();
        }
        if (v.isTextual()) {
            return Integer.parseInt(v.textValue().trim());
        }
        throw new IllegalArgumentException("not an integer: " + v);
    }

    private static List<String> texts(JsonNode v) {
        if (!v.isArray()) {
            throw new IllegalArgumentException("not an array: " + v);
        }
        List<String> out = new ArrayList<>();
        v.forEach(x -> out.add(text(x)));
        return out;
    }
}
