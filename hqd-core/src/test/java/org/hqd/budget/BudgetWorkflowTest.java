package org.hqd.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.hqd.HqdException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every state × action of the budget workflow: the legal ones and what they leave, the others refused with a reason. */
class BudgetWorkflowTest {
    static BudgetVersion v(int version, boolean adjustment, BudgetState s) {
        return new BudgetVersion("H1", 2025, version, adjustment, s, adjustment ? "医保政策变化" : "");
    }

    static BudgetVersion apply(BudgetVersion latest, BudgetAction a, String comment) {
        return BudgetWorkflow.apply("H1", 2025, Optional.ofNullable(latest), a, comment);
    }

    @Test
    void theFirstCompileCreatesTheOriginalDraft_andNothingElseStartsABudget() {
        assertThat(apply(null, BudgetAction.COMPILE, "")).isEqualTo(v(1, false, BudgetState.DRAFT));
        for (BudgetAction a : EnumSet.complementOf(EnumSet.of(BudgetAction.COMPILE))) {
            assertThatThrownBy(() -> apply(null, a, "意见")).isInstanceOf(HqdException.class).hasMessageContaining("还没有编制");
        }
    }

    @Test
    void theMainPath() {
        BudgetVersion d = v(1, false, BudgetState.DRAFT);
        BudgetVersion s = apply(d, BudgetAction.SUBMIT, "");
        assertThat(s.state()).isEqualTo(BudgetState.SUBMITTED);
        BudgetVersion r = apply(s, BudgetAction.RETURN, "人员经费偏高");
        assertThat(r.state()).isEqualTo(BudgetState.RETURNED);
        assertThat(apply(r, BudgetAction.COMPILE, "").state()).isEqualTo(BudgetState.DRAFT);
        assertThat(apply(r, BudgetAction.SUBMIT, "").state()).isEqualTo(BudgetState.SUBMITTED);
        BudgetVersion a = apply(s, BudgetAction.APPROVE, "");
        assertThat(a).isEqualTo(v(1, false, BudgetState.APPROVED));
        BudgetVersion adj = apply(a, BudgetAction.ADJUST, "医保政策变化");
        assertThat(adj).isEqualTo(v(2, true, BudgetState.DRAFT));
        // a second adjustment before approval changes the open one
        assertThat(apply(adj, BudgetAction.ADJUST, "医保政策变化")).isEqualTo(v(2, true, BudgetState.DRAFT));
        assertThat(apply(a, BudgetAction.CLOSE, "").state()).isEqualTo(BudgetState.CLOSED);
    }

    /** The (state, action) pairs that are allowed for an original version; every other pair is refused. */
    static final Set<String> LEGAL = Set.of("DRAFT COMPILE", "RETURNED COMPILE", "DRAFT SUBMIT", "RETURNED SUBMIT",
            "SUBMITTED APPROVE", "SUBMITTED RETURN", "APPROVED ADJUST", "APPROVED CLOSE");

    @ParameterizedTest
    @EnumSource(BudgetState.class)
    void illegalTransitionsAreRefusedWithTheStateInTheMessage(BudgetState state) {
        for (BudgetAction action : BudgetAction.values()) {
            BudgetVersion latest = v(1, false, state);
            if (LEGAL.contains(state + " " + action)) {
                assertThat(apply(latest, action, "理由")).as(state + " " + action).isNotNull();
            } else {
                assertThatThrownBy(() -> apply(latest, action, "理由")).as(state + " " + action)
                        .isInstanceOf(HqdException.class).hasMessageContaining("当前为“" + state.label() + "”");
            }
        }
    }

    @Test
    void returnAndAdjustNeedTheirWords() {
        assertThatThrownBy(() -> apply(v(1, false, BudgetState.SUBMITTED), BudgetAction.RETURN, " "))
                .hasMessageContaining("必须写明意见");
        assertThatThrownBy(() -> apply(v(1, false, BudgetState.APPROVED), BudgetAction.ADJUST, ""))
                .hasMessageContaining("必须写明原因");
    }

    @Test
    void anAdjustmentAwaitingApprovalBlocksAnotherAndTheClose() {
        BudgetVersion submitted = v(2, true, BudgetState.SUBMITTED);
        assertThatThrownBy(() -> apply(submitted, BudgetAction.ADJUST, "再调")).hasMessageContaining("待批准或退回后再调整");
        assertThatThrownBy(() -> apply(v(2, true, BudgetState.DRAFT), BudgetAction.CLOSE, ""))
                .hasMessageContaining("有一次调整尚未批准");
        assertThatThrownBy(() -> apply(v(1, false, BudgetState.APPROVED), BudgetAction.COMPILE, ""))
                .hasMessageContaining("只能调整");
    }
}
