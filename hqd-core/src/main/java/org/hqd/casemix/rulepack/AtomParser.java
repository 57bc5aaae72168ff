package org.hqd.casemix.rulepack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the JSON atoms of {@code rules.json} into {@link Atom}s, by the names of {@link AtomForm} (and {@code not},
 * {@code anyOf}); an unknown name or a malformed argument becomes a {@link RulePackProblem}, and parsing goes on.
 */
final class AtomParser {
    private final String file;
    private final List<RulePackProblem> problems;

    AtomParser(String file, List<RulePackProblem> problems) {
        this.file = file;
        this.problems = problems;
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
            Optional<AtomForm<?>> form = AtomForm.named(name);
            if (form.isEmpty()) {
                problems.add(new RulePackProblem(file, pointer, "未知的条件 '" + name + "'"));
                return Optional.empty();
            }
            Atom atom = form.get().read().apply(arg);
            // flag atoms ({"noProc": true}) written with false mean the opposite (no other atom reads a flag)
            return Optional.of(arg.isBoolean() && !arg.booleanValue() ? new Atom.Not(atom) : atom);
        } catch (IllegalArgumentException e) {
            problems.add(new RulePackProblem(file, pointer, "条件 '" + name + "' 的参数无效：" + arg));
            return Optional.empty();
        }
    }
}
