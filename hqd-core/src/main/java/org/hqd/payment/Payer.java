package org.hqd.payment;

import java.util.List;
import java.util.Objects;

/**
 * A payment method (医疗付款方式, the 首页's YLFKFS: 1–9) and whether the DRG/DIP fund pays its cases.
 *
 * @param aliases other spellings of the method in hospitals' data (its name, short names)
 */
public record Payer(String code, String name, boolean insured, List<String> aliases) {
    public Payer {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
    }
}
