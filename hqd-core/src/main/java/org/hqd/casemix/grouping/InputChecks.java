package org.hqd.casemix.grouping;

import org.hqd.casemix.abstracts.AbstractColumn;
import org.hqd.casemix.abstracts.DischargeAbstract;

/**
 * The checks a case must pass before it is grouped. A failing case is {@link GroupingStatus#INVALID} with a
 * reason that names the field (the canonical column), never ungroupable.
 */
final class InputChecks {
    /** Age in days up to which a patient aged 0 is a newborn who needs a birth weight. */
    static final int NEWBORN_DAYS = 28;

    private InputChecks() {
    }

    /** The reason of the first failing check, or empty when the case may be grouped. */
    static String firstFailure(DischargeAbstract a, String[] dxCodes, CodeIndex index) {
        if (!a.sex().isKnown()) {
            return AbstractColumn.SEX.named() + "缺失或无效：应为 1（男）或 2（女）";
        }
        if (a.principalDx().isBlank() || dxCodes.length == 0) {
            return AbstractColumn.PRINCIPAL_DX.named() + "缺失：没有诊断的病例无法分组";
        }
        if (index.idOf(dxCodes[0]) < 0) {
            return AbstractColumn.PRINCIPAL_DX.named() + " '" + dxCodes[0] + "' 不在编码字典和分组方案的编码列表中";
        }
        if (a.ageYears() < 0) {
            return AbstractColumn.AGE_YEARS.named() + "缺失";
        }
        if (a.ageYears() == 0 && a.ageDays() < 0) {
            return AbstractColumn.AGE_DAYS.named() + "缺失：不满1岁的患者须填写年龄(天)";
        }
        if (a.ageYears() == 0 && a.ageDays() <= NEWBORN_DAYS && a.birthWeightG() <= 0) {
            return AbstractColumn.BIRTH_WEIGHT_G.named() + "缺失：28天以内的新生儿须填写出生体重";
        }
        if (a.losDays() < 0) {
            return AbstractColumn.LOS_DAYS.named() + "缺失";
        }
        if (a.dischargeMethod().isBlank()) {
            return AbstractColumn.DISCHARGE_METHOD.named() + "缺失";
        }
        return "";
    }
}
