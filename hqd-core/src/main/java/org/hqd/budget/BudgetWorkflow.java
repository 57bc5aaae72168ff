package org.hqd.budget;

import java.util.Optional;
import org.hqd.HqdException;

/**
 * The state machine of a budget's versions. {@link #apply} answers, for the latest version of a hospital's year
 * (empty before the first compile) and an action, the version the action leaves — or refuses the action with the
 * reason and what to do instead:
 * <pre>
 * (none) ──编制──► DRAFT ──提交──► SUBMITTED ──批准──► APPROVED ──决算──► CLOSED
 *                    ▲  编制         │ 退回(意见)          │ 调整(原因): new version n+1, DRAFT
 *                    └── RETURNED ◄──┘                     ▼
 *                        (编制 or 提交 again)          (the adjustment goes round the same loop; until it is
 *                                                       approved the previous approved version stays in force)
 * </pre>
 */
public final class BudgetWorkflow {
    private BudgetWorkflow() {
    }

    /** What an action does to the latest version; {@code comment} is the return's opinion or the adjustment's reason. */
    public static BudgetVersion apply(String hospitalId, int year, Optional<BudgetVersion> latest, BudgetAction action,
                                      String comment) {
        String who = hospitalId + " " + year + " 年预算";
        if (latest.isEmpty()) {
            if (action == BudgetAction.COMPILE) {
                return new BudgetVersion(hospitalId, year, 1, false, BudgetState.DRAFT, "");
            }
            throw HqdException.withHint(who + "还没有编制，不能" + action.label() + "：请先导入或编制预算",
                    "（hqd budget import / compile）");
        }
        BudgetVersion v = latest.get();
        BudgetState s = v.state();
        String now = who + "（" + v.label() + "）当前为“" + s.label() + "”";
        return switch (action) {
            case COMPILE -> {
                if (s == BudgetState.DRAFT || s == BudgetState.RETURNED) {
                    yield v.with(BudgetState.DRAFT);
                }
                throw HqdException.withHint(now + "，不能重新编制" + switch (s) {
                    case SUBMITTED -> "：已提交待批准，如需修改请先退回";
                    case APPROVED -> "：已批准的预算只能调整";
                    default -> "：已决算";
                }, s == BudgetState.APPROVED ? "（hqd budget adjust）" : "");
            }
            case SUBMIT -> {
                if (s == BudgetState.DRAFT || s == BudgetState.RETURNED) {
                    yield v.with(BudgetState.SUBMITTED);
                }
                throw new HqdException(now + "，只有“编制中”或“已退回”的预算可以提交");
            }
            case APPROVE -> {
                if (s == BudgetState.SUBMITTED) {
                    yield v.with(BudgetState.APPROVED);
                }
                throw new HqdException(now + "，只有“已提交”的预算可以批准");
            }
            case RETURN -> {
                if (s != BudgetState.SUBMITTED) {
                    throw new HqdException(now + "，只有“已提交”的预算可以退回");
                }
                if (comment == null || comment.isBlank()) {
                    throw HqdException.withHint("退回预算必须写明意见", "（--comment）");
                }
                yield v.with(BudgetState.RETURNED);
            }
            case ADJUST -> {
                if (comment == null || comment.isBlank()) {
                    throw HqdException.withHint("调整预算必须写明原因", "（--reason）");
                }
                if (s == BudgetState.APPROVED) {
                    yield new BudgetVersion(hospitalId, year, v.version() + 1, true, BudgetState.DRAFT, comment);
                }
                if (v.adjustment() && (s == BudgetState.DRAFT || s == BudgetState.RETURNED)) {
                    yield new BudgetVersion(hospitalId, year, v.version(), true, BudgetState.DRAFT, comment);
                }
                throw new HqdException(now + "，只有已批准的预算可以调整" + (s == BudgetState.SUBMITTED
                        ? "（一次调整已提交，待批准或退回后再调整）" : ""));
            }
            case CLOSE -> {
                if (s == BudgetState.APPROVED) {
                    yield v.with(BudgetState.CLOSED);
                }
                throw new HqdException(now + "，只有已批准的预算可以决算" + (v.adjustment() && s != BudgetState.CLOSED
                        ? "（有一次调整尚未批准）" : ""));
            }
        };
    }
}
