package org.hqd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hqd.HqdException;
import org.hqd.casemix.performance.PeerGroup;
import org.hqd.casemix.performance.UnitLevel;
import org.junit.jupiter.api.Test;

final class OptionChoiceTest {
    @Test
    void of_nameInAnyCase_givesTheValue() {
        assertThat(OptionChoice.of("--benchmark", "TIER", PeerGroup.ALL, PeerGroup.TIER)).isEqualTo(PeerGroup.TIER);
        assertThat(OptionChoice.of("--by", "Mdc", UnitLevel.HOSPITAL, UnitLevel.MDC)).isEqualTo(UnitLevel.MDC);
    }

    @Test
    void of_ownNames_areTheNamesAccepted() {
        assertThat(OptionChoice.named("--by", "group", l -> l == UnitLevel.DIP_GROUP ? "group" : "hospital",
                UnitLevel.HOSPITAL, UnitLevel.DIP_GROUP)).isEqualTo(UnitLevel.DIP_GROUP);
        assertThatThrownBy(() -> OptionChoice.named("--by", "dip_group", l -> l == UnitLevel.DIP_GROUP ? "group"
                : "hospital", UnitLevel.HOSPITAL, UnitLevel.DIP_GROUP)).isInstanceOf(HqdException.class);
    }

    @Test
    void of_otherValue_namesTheOptionTheChoicesAndTheValue() {
        assertThatThrownBy(() -> OptionChoice.of("--by", "ward", UnitLevel.HOSPITAL, UnitLevel.DEPARTMENT,
                UnitLevel.PHYSICIAN, UnitLevel.MDC, UnitLevel.DRG))
                .isInstanceOf(HqdException.class)
                .hasMessage("--by 应为 hospital、department、physician、mdc 或 drg，实际为 'ward'");
        assertThatThrownBy(() -> OptionChoice.of("--benchmark", "peers", PeerGroup.ALL, PeerGroup.TIER))
                .hasMessage("--benchmark 应为 all 或 tier，实际为 'peers'");
    }
}
