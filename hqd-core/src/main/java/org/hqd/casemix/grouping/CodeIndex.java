package org.hqd.casemix.grouping;

import java.util.HashMap;
import java.util.Map;

/**
 * Dense integer ids for every code a pack knows (dictionary, code lists, CC tables, OR procedures), so that the
 * engine tests membership on bit sets instead of strings. A code the pack does not know has id -1.
 */
final class CodeIndex {
    private final Map<String, Integer> ids = new HashMap<>(1 << 17);

    int intern(String code) {
        Integer id = ids.get(code);
        if (id != null) {
            return id;
        }
        int next = ids.size();
        ids.put(code, next);
        return next;
    }

    int idOf(String code) {
        Integer id = ids.get(code);
        return id == null ? -1 : id;
    }

    int size() {
        return ids.size();
    }
}
