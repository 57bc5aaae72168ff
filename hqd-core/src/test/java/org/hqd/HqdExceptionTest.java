package org.hqd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetState;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.BudgetWorkflow;
import org.junit.jupiter.api.Test;

class HqdExceptionTest {

    @Test
    void withHint_commandLineGetsTheHint_pagesGetTheMessageAlone() {
        HqdException e = HqdException.withHint("退回预算必须写明意见", "（--comment）");
        assertThat(e.getMessage()).isEqualTo("退回预算必须写明意见（--comment）");
        assertThat(e.withoutHint()).isEqualTo("退回预算必须写明意见");
    }

    @Test
    void plainMessage_isTheSameEitherWay() {
        HqdException e = new HqdException("文件不存在：a.csv", new IllegalStateException("x"));
        assertThat(e.getMessage()).isEqualTo("文件不存在：a.csv").isEqualTo(e.withoutHint());
        assertThat(e.getCause()).hasMessage("x");
    }

    @Test
    void workflowRefusals_keepTheirCommandLineTextAndHaveNoOptionWithoutIt() {
        BudgetVersion submitted = new BudgetVersion("H1", 2025, 1, false, BudgetState.SUBMITTED, "");
        HqdException noComment = catchThrowableOfType(() -> BudgetWorkflow.apply("H1", 2025, Optional.of(submitted),
                BudgetAction.RETURN, " "), HqdException.class);
        assertThat(noComment.getMessage()).isEqualTo("退回预算必须写明意见（--comment）");
        assertThat(noComment.withoutHint()).isEqualTo("退回预算必须写明意见");

        BudgetVersion approved = new BudgetVersion("H1", 2025, 1, false, BudgetState.APPROVED, "");
        HqdException recompile = catchThrowableOfType(() -> BudgetWorkflow.apply("H1", 2025, Optional.of(approved),
                BudgetAction.COMPILE, ""), HqdException.class);
        assertThat(recompile.getMessage()).endsWith("：已批准的预算只能调整（hqd budget adjust）");
        assertThat(recompile.withoutHint()).endsWith("：已批准的预算只能调整").doesNotContain("hqd");

        HqdException none = catchThrowableOfType(() -> BudgetWorkflow.apply("H1", 2025, Optional.empty(),
                BudgetAction.SUBMIT, ""), HqdException.class);
        assertThat(none.getMessage()).endsWith("：请先导入或编制预算（hqd budget import / compile）");
        assertThat(none.withoutHint()).endsWith("：请先导入或编制预算");
    }
}
