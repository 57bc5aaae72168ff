package org.hqd.casemix.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class GroupingResultTest {

    @Test
    void invalid_reason_keepsReasonAndLeavesCodesEmpty() {
        GroupingResult r = GroupingResult.invalid("r9", "性别(sex)缺失", List.of("step"));

        assertThat(r.recordId()).isEqualTo("r9");
        assertThat(r.status()).isEqualTo(GroupingStatus.INVALID);
        assertThat(r.reason()).isEqualTo("性别(sex)缺失");
        assertThat(r.mdc()).isEmpty();
        assertThat(r.adrg()).isEmpty();
        assertThat(r.drg()).isEmpty();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.unmapped()).isEmpty();
        assertThat(r.trace()).containsExactly("step");
    }

    @Test
    void constructor_mutableLists_areCopied() {
        List<String> warnings = new ArrayList<>(List.of("w"));
        GroupingResult r = new GroupingResult("r", GroupingStatus.GROUPED, "MDCG", "GD2", "GD25", "", false, false,
                "", warnings, List.of(), List.of());
        warnings.add("later");

        assertThat(r.warnings()).containsExactly("w");
    }

    @Test
    void status_labels_areTheTermsOfThePublishedGroupers() {
        assertThat(GroupingStatus.GROUPED.label()).isEqualTo("分组成功");
        assertThat(GroupingStatus.UNGROUPABLE.label()).isEqualTo("无法入组");
        assertThat(GroupingStatus.AMBIGUOUS.label()).isEqualTo("歧义病案");
    }
}
