package org.hqd.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.hqd.HqdException;

/**
 * A closed set of values an option takes ({@code --by hospital|department|…}), named on the command line in any case;
 * another value is refused with the names it could have been.
 */
final class OptionChoice {
    private OptionChoice() {
    }

    /** The value named by {@code value} among enum constants named by their names in lower case. */
    @SafeVarargs
    static <E extends Enum<E>> E of(String option, String value, E... allowed) {
        return named(option, value, e -> e.name().toLowerCase(Locale.ROOT), allowed);
    }

    /** The value named by {@code value} among the allowed, each named by {@code name}. */
    @SafeVarargs
    static <E> E named(String option, String value, Function<E, String> name, E... allowed) {
        Map<String, E> byName = new LinkedHashMap<>();
        for (E e : allowed) {
            byName.put(name.apply(e), e);
        }
        E found = byName.get(value.toLowerCase(Locale.ROOT));
        if (found == null) {
            List<String> names = new ArrayList<>(byName.keySet());
            String last = names.remove(names.size() - 1);
            throw new HqdException(option + " 应为 " + String.join("、", names) + " 或 " + last + "，实际为 '" + value
                    + "'");
        }
        return found;
    }
}
