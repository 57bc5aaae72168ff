package org.hqd.payment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payment methods of a set of rules: a case's {@code payer} value — a national code (1–9), its name or an alias —
 * gives its method and whether the fund pays it. A value no method knows is not insured.
 */
public final class Payers {
    private final List<Payer> payers;
    private final String source;
    private final Map<String, Payer> byValue = new HashMap<>();

    /** @param source where the codes and the insured set come from */
    public Payers(List<Payer> payers, String source) {
        this.payers = List.copyOf(payers);
        this.source = source;
        for (Payer p : this.payers) {
            byValue.put(p.code(), p);
            byValue.putIfAbsent(p.name(), p);
            p.aliases().forEach(a -> byValue.putIfAbsent(a, p));
        }
    }

    /** The method of a case's payer value (surrounding spaces ignored); empty when no code, name or alias matches. */
    public Optional<Payer> of(String value) {
        return Optional.ofNullable(byValue.get(value.strip()));
    }

    /** Whether the fund pays a case with this payer value. */
    public boolean insured(String value) {
        Payer p = byValue.get(value.strip());
        return p != null && p.insured();
    }

    public List<Payer> all() {
        return payers;
    }

    /** Every value (code, name, alias) that names a method, with its method: what a query matches against. */
    public Map<String, Payer> values() {
        return Map.copyOf(byValue);
    }

    public String source() {
        return source;
    }
}
