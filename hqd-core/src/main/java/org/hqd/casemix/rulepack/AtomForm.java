package org.hqd.casemix.rulepack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How one atom is written in {@code rules.json}: its name, its record, how its argument is read (a malformed one
 * throws {@link IllegalArgumentException}) and how it is written. {@link AtomParser} reads and {@link AtomJson} writes
 * through the same table, so each atom's name and argument are spelt once. {@code not} and {@code anyOf}, which hold
 * atoms, are not in it: the parser and the writer recurse into them.
 */
record AtomForm<A extends Atom>(String name, Class<A> type, Function<JsonNode, A> read, Function<A, JsonNode> write) {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Every atom that holds no atoms. */
    static final List<AtomForm<?>> ALL = List.of(
            textual("principalDxIn", Atom.PrincipalDxIn.class, Atom.PrincipalDxIn::new, Atom.PrincipalDxIn::list),
            textual("anyDxIn", Atom.AnyDxIn.class, Atom.AnyDxIn::new, Atom.AnyDxIn::list),
            textual("secondaryDxIn", Atom.SecondaryDxIn.class, Atom.SecondaryDxIn::new, Atom.SecondaryDxIn::list),
            textual("anyDxStartsWith", Atom.AnyDxStartsWith.class, Atom.AnyDxStartsWith::new,
                    Atom.AnyDxStartsWith::prefix),
            textual("mainProcIn", Atom.MainProcIn.class, Atom.MainProcIn::new, Atom.MainProcIn::list),
            textual("anyProcIn", Atom.AnyProcIn.class, Atom.AnyProcIn::new, Atom.AnyProcIn::list),
            textual("secondaryProcIn", Atom.SecondaryProcIn.class, Atom.SecondaryProcIn::new,
                    Atom.SecondaryProcIn::list),
            bound("procCountAtLeast", Atom.ProcCountAtLeast.class, Atom.ProcCountAtLeast::new,
                    Atom.ProcCountAtLeast::n),
            flag("noProc", Atom.NoProc.class, new Atom.NoProc()),
            textual("sex", Atom.SexIs.class, Atom.SexIs::new, Atom.SexIs::code),
            bound("ageYearsAtMost", Atom.AgeYearsAtMost.class, Atom.AgeYearsAtMost::new, Atom.AgeYearsAtMost::n),
            bound("ageYearsAtLeast", Atom.AgeYearsAtLeast.class, Atom.AgeYearsAtLeast::new, Atom.AgeYearsAtLeast::n),
            bound("ageDaysAtMost", Atom.AgeDaysAtMost.class, Atom.AgeDaysAtMost::new, Atom.AgeDaysAtMost::n),
            flag("birthWeightKnown", Atom.BirthWeightKnown.class, new Atom.BirthWeightKnown()),
            bound("birthWeightAtLeast", Atom.BirthWeightAtLeast.class, Atom.BirthWeightAtLeast::new,
                    Atom.BirthWeightAtLeast::grams),
            bound("birthWeightBelow", Atom.BirthWeightBelow.class, Atom.BirthWeightBelow::new,
                    Atom.BirthWeightBelow::grams),
            bound("losDaysAtLeast", Atom.LosDaysAtLeast.class, Atom.LosDaysAtLeast::new, Atom.LosDaysAtLeast::n),
            bound("losDaysAtMost", Atom.LosDaysAtMost.class, Atom.LosDaysAtMost::new, Atom.LosDaysAtMost::n),
            new AtomForm<>("losDaysBetween", Atom.LosDaysBetween.class,
                    v -> new Atom.LosDaysBetween(integer(v.path(0)), integer(v.path(1))),
                    x -> F.arrayNode().add(x.from()).add(x.to())),
            new AtomForm<>("dischargeMethodIn", Atom.DischargeMethodIn.class,
                    v -> new Atom.DischargeMethodIn(texts(v)), x -> texts(x.methods())),
            new AtomForm<>("secondaryDx", Atom.SecondaryDxComplication.class,
                    v -> new Atom.SecondaryDxComplication(ComplicationLevel.valueOf(text(v))),
                    x -> F.textNode(x.level().code())),
            new AtomForm<>("procTag", Atom.ProcTag.class,
                    v -> new Atom.ProcTag(text(v.path("codes")), text(v.path("tags")), text(v.path("tag"))),
                    x -> F.objectNode().put("codes", x.codes()).put("tags", x.tags()).put("tag", x.tag())),
            new AtomForm<>("traumaSitesAtLeast", Atom.TraumaSitesAtLeast.class,
                    v -> new Atom.TraumaSitesAtLeast(texts(v.path("sites")), integer(v.path("count"))),
                    x -> {
                        ObjectNode t = F.objectNode();
                        t.set("sites", texts(x.sites()));
                        return t.put("count", x.count());
                    }));

    private static final Map<String, AtomForm<?>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(AtomForm::name, f -> f));

    /** The form of an atom name; empty for an unknown one (and for {@code not}, {@code anyOf}). */
    static Optional<AtomForm<?>> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The name and argument of an atom that holds no atoms, as the one field of a JSON object. */
    static ObjectNode write(Atom a) {
        for (AtomForm<?> f : ALL) {
            if (f.type.isInstance(a)) {
                ObjectNode n = F.objectNode();
                n.set(f.name, f.argument(a));
                return n;
            }
        }
        throw new IllegalArgumentException("unknown atom " + a);
    }

    private JsonNode argument(Atom a) {
        return write.apply(type.cast(a));
    }

    /** An atom whose argument is one text: a list name, a prefix, a code. */
    private static <A extends Atom> AtomForm<A> textual(String name, Class<A> type, Function<String, A> of,
                                                      Function<A, String> argument) {
        return new AtomForm<>(name, type, v -> of.apply(text(v)), x -> F.textNode(argument.apply(x)));
    }

    /** An atom whose argument is a whole number (a count, days, years, grams). */
    private static <A extends Atom> AtomForm<A> bound(String name, Class<A> type, Function<Integer, A> of,
                                                    Function<A, Integer> argument) {
        return new AtomForm<>(name, type, v -> of.apply(integer(v)), x -> F.numberNode(argument.apply(x)));
    }

    /** An atom whose argument is a flag ({@code true}; the parser reads {@code false} as its opposite). */
    private static <A extends Atom> AtomForm<A> flag(String name, Class<A> type, A atom) {
        return new AtomForm<>(name, type, v -> atom, x -> F.booleanNode(true));
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

    private static ArrayNode texts(List<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
