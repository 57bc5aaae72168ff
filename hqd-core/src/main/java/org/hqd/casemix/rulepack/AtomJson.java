package org.hqd.casemix.rulepack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Writes {@link Atom}s back as the JSON of {@code rules.json} (what {@link AtomParser} reads), by {@link AtomForm}. */
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
        if (a instanceof Atom.Not x) {
            ObjectNode n = F.objectNode();
            n.set("not", atom(x.atom()));
            return n;
        }
        if (a instanceof Atom.AnyOf x) {
            ObjectNode n = F.objectNode();
            ArrayNode alternatives = n.putArray("anyOf");
            x.alternatives().forEach(alt -> alternatives.add(when(alt)));
            return n;
        }
        return AtomForm.write(a);
    }
}
