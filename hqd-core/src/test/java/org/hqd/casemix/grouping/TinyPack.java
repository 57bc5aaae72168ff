package org.hqd.casemix.grouping;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.hqd.casemix.abstracts.DischargeAbstract;
import org.hqd.casemix.abstracts.Sex;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;

/** The hand-made pack of {@code src/test/resources/packs/tiny} (see its README.md) and case builders for it. */
final class TinyPack {
    /** Loaded once: the pack is immutable and the grouper stateless. */
    static final DrgGrouper GROUPER = DrgGrouper.of(load());

    private TinyPack() {
    }

    static Path folder() {
        try {
            return Path.of(TinyPack.class.getResource("/packs/tiny/pack.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static RulePack load() {
        return RulePackCatalog.bundled().load(folder().toString());
    }

    /** A valid case: male, 45 years, 5 days in hospital, discharge method 1, no secondary diagnosis or procedure. */
    static DischargeAbstract.Builder adult(String principalDx) {
        return DischargeAbstract.builder().recordId("r1").sex(Sex.MALE).ageYears(45).losDays(5).dischargeMethod("1")
                .principalDx(principalDx);
    }

    /** {@link #adult} with these secondary diagnoses. */
    static DischargeAbstract.Builder adult(String principalDx, String... secondaryDx) {
        return adult(principalDx).secondaryDx(List.of(secondaryDx));
    }

    /** Sets the main procedure and the others. */
    static DischargeAbstract.Builder procedures(DischargeAbstract.Builder b, String main, String... others) {
        return b.principalProc(main).otherProcs(List.of(others));
    }

    static GroupingResult group(DischargeAbstract.Builder b) {
        return GROUPER.group(b.build());
    }

    static GroupingResult group(DischargeAbstract.Builder b, GroupingOptions options) {
        return GROUPER.group(b.build(), options);
    }
}
