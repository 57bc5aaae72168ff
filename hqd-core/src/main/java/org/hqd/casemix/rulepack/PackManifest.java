package org.hqd.casemix.rulepack;

/** The {@code pack.json} of a rule pack: which scheme, which region and which code dictionary it uses. */
public record PackManifest(String id, String scheme, String region, String dictionary, String format,
                           int declaredDrgs, int declaredAdrgs) implements java.io.Serializable {
    /** The only rule format this engine reads. */
    public static final String FORMAT = "casemix-rulepack/1";
}
