package org.hqd.casemix.rulepack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Writes {@link Atom}s back as the JSON of {@code rules.json} (what {@link AtomParser} reads). */
final class AtomJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AtomJson() {
    }

    static ArrayNode when(List<Atom> atoms) {
        ArrayNode a = F.arrayNode();
        atoms.forEach(x -> a.add(atom(x)));
        return a;
    }

    static ObjectNode atom(Atom a) {
        ObjectNode n = F.objectNode();
        if (a instanceof Atom.PrincipalDxIn x) {
            n.put("principalDxIn", x.list());
        } else if (a instanceof Atom.AnyDxIn x) {
            n.put("anyDxIn", x.list());
        } else if (a instanceof Atom.SecondaryDxIn x) {
            n.put("secondaryDxIn", x.list());
        } else if (a instanceof Atom.AnyDxStartsWith x) {
            n.put("anyDxStartsWith", x.prefix());
        } else if (a instanceof Atom.MainProcIn x) {
            n.put("mainProcIn", x.list());
        } else if (a instanceof Atom.AnyProcIn x) {
            n.put("anyProcIn", x.list());
        } else if (a instanceof Atom.SecondaryProcIn x) {
            n.put("secondaryProcIn", x.list());
        } else if (a instanceof Atom.ProcCountAtLeast x) {
            n.put("procCountAtLeast", x.n());
        } else if (a instanceof Atom.NoProc) {
            n.put("noProc", true);
        } else if (a instanceof Atom.SexIs x) {
            n.put("sex", x.code());
        } else if (a instanceof Atom.AgeYearsAtMost x) {
            n.put("ageYearsAtMost", x.n());
        } else if (a instanceof Atom.AgeYearsAtLeast x) {
            n.put("ageYearsAtLeast", x.n());
        } else if (a instanceof Atom.AgeDaysAtMost x) {
            n.put("ageDaysAtMost", x.n());
        } else if (a instanceof Atom.BirthWeightKnown) {
            n.put("birthWeightKnown", true);
        } else if (a instanceof Atom.BirthWeightAtLeast x) {
            n.put("birthWeightAtLeast", x.grams());
        } else if (a instanceof Atom.BirthWeightBelow x) {
            n.put("birthWeightBelow", x.grams());
        } else if (a instanceof Atom.LosDaysAtLeast x) {
            n.put("losDaysAtLeast", x.n());
        } else if (a instanceof Atom.LosDaysAtMost x) {
            n.put("losDaysAtMost", x.n());
        } else if (a instanceof Atom.LosDaysBetween x) {
            n.putArray("losDaysBetween").add(x.from()).add(x.to());
        } else if (a instanceof Atom.DischargeMethodIn x) {
            ArrayNode m = n.putArray("dischargeMethodIn");
            x.methods().forEach(m::add);
        } else if (a instanceof Atom.SecondaryDxComplication x) {
            n.put("secondaryDx", x.level().code());
        } else if (a instanceof Atom.ProcTag x) {
            n.putObject("procTag").put("codes", x.codes()).put("tags", x.tags()).put("tag", x.tag());
        } else if (a instanceof Atom.TraumaSitesAtLeast x) {
            ObjectNode t = n.putObject("traumaSitesAtLeast");
            ArrayNode sites = t.putArray("sites");
            x.sites().forEach(sites::add);
            t.put("count", x.count());
        } else if (a instanceof Atom.Not x) {
            n.set("not", atom(x.atom()));
        } else if (a instanceof Atom.AnyOf x) {
            ArrayNode alternatives = n.putArray("anyOf");
            x.alternatives().forEach(alt -> alternatives.add(when(alt)));
        } else {
            throw new IllegalArgumentException("unknown atom " + a);
        }
        return n;
    }
}
