package org.hqd.access;

import java.util.Optional;
import java.util.Set;

/**
 * What a user's queries may cover: every hospital, a set of hospitals (a regulator's region; a hospital or
 * department user's own hospital), and for a department user only its department. The server applies it to every
 * query; nothing outside it is returned.
 */
public record Scope(User user, Optional<Set<String>> hospitals, Optional<String> department) {
    public Scope {
        hospitals = hospitals.map(Set::copyOf);
    }

    /** The scope of a user; {@code regionHospitals} are the hospitals of a regulator's region, if it has one. */
    public static Scope of(User u, Optional<Set<String>> regionHospitals) {
        return switch (u.role()) {
            case ADMIN -> new Scope(u, Optional.empty(), Optional.empty());
            case REGULATOR -> new Scope(u, u.region().isPresent() ? Optional.of(regionHospitals.orElse(Set.of()))
                    : Optional.empty(), Optional.empty());
            case HOSPITAL -> new Scope(u, Optional.of(Set.of(u.hospital().orElseThrow())), Optional.empty());
            case DEPARTMENT -> new Scope(u, Optional.of(Set.of(u.hospital().orElseThrow())), u.department());
        };
    }

    /** Whether the user may see this hospital's data (for a department user: its own department of it). */
    public boolean allowsHospital(String hospitalId) {
        return hospitals.map(h -> h.contains(hospitalId)).orElse(true);
    }

    /** Whether the user may see a department of a hospital. */
    public boolean allowsDepartment(String hospitalId, String dept) {
        return allowsHospital(hospitalId) && department.map(d -> d.equals(dept)).orElse(true);
    }

    /** The one hospital the user is bound to, if any. */
    public Optional<String> ownHospital() {
        return hospitals.filter(h -> h.size() == 1 && (user.role() == Role.HOSPITAL || user.role() == Role.DEPARTMENT))
                .map(h -> h.iterator().next());
    }

    public boolean admin() {
        return user.role() == Role.ADMIN;
    }
}
