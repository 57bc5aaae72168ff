package org.hqd.casemix.dip;

import java.util.Objects;

/**
 * A group of an official DIP catalogue (病种目录库) as published, with the key HQD groups cases by.
 *
 * @param code     the catalogue's group code
 * @param group    the group under HQD's key ({@link DipGroup#key()}), its score and mean cost
 */
public record OfficialDipGroup(String code, String name, DipGroup group) {
    public OfficialDipGroup {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
    }
}
