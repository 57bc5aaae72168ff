package org.hqd.casemix.grouping;

import java.util.ArrayList;
import java.util.List;

/**
 * The explanation of one grouping, in Chinese, step by step. {@link #OFF} records nothing, so the engine can
 * call it unconditionally on the fast path.
 */
class Trace {
    static final Trace OFF = new Trace(null) {
        @Override
        void add(String step) {
        }

        @Override
        List<String> steps() {
            return List.of();
        }
    };

    private final CompiledPack p;
    private final List<String> steps = new ArrayList<>();

    Trace(CompiledPack p) {
        this.p = p;
    }

    void add(String step) {
        steps.add(step);
    }

    List<String> steps() {
        return steps;
    }

    private boolean on() {
        return this != OFF;
    }

    void input(CaseFacts f, List<String> warnings) {
        if (!on()) {
            return;
        }
        StringBuilder s = new StringBuilder("病例：主要诊断 ").append(p.label(f.dxCodes[0]));
        if (f.dx.length > 1) {
            s.append("；其他诊断 ").append(labels(f.dxCodes, 1));
        }
        s.append(f.proc.length == 0 ? "；无手术操作" : "；手术操作 " + labels(f.procCodes, 0));
        s.append("；性别 ").append("1".equals(f.sex) ? "男" : "女").append("，年龄 ").append(f.ageYears).append(" 岁");
        if (f.ageDays >= 0 && f.ageYears == 0) {
            s.append("（").append(f.ageDays).append(" 天）");
        }
        if (f.birthWeight > 0) {
            s.append("，出生体重 ").append(f.birthWeight).append(" 克");
        }
        s.append("，住院 ").append(f.los).append(" 天，离院方式 ").append(f.dischargeMethod);
        add(s.toString());
        warnings.forEach(w -> add("警告：" + w));
    }

    void complications(CaseFacts f) {
        if (!on()) {
            return;
        }
        String pt = f.principalTable == 0 ? "无" : p.tableName(f.principalTable);
        if (f.dx.length <= 1) {
            add("并发症评估：无其他诊断，不伴 CC/MCC");
            return;
        }
        List<String> parts = new ArrayList<>();
        for (int i = 1; i < f.dx.length; i++) {
            int id = f.dx[i];
            String code = p.label(f.dxCodes[i]);
            if (id < 0) {
                parts.add(code + "：未知编码");
                continue;
            }
            int table = p.mccTable[id] != 0 ? p.mccTable[id] : p.ccTable[id];
            String level = p.mccTable[id] != 0 ? "MCC" : p.ccTable[id] != 0 ? "CC" : "";
            if (level.isEmpty()) {
                parts.add(code + "：不是 CC/MCC");
            } else if (f.principalTable != 0 && table == f.principalTable) {
                parts.add(code + "：" + level + "（排除表 " + p.tableName(table) + "），被主要诊断的排除表 "
                        + pt + " 排除，不计");
            } else {
                parts.add(code + "：" + level + "（排除表 " + p.tableName(table) + "），计为 " + level);
            }
        }
        add("并发症评估（主要诊断排除表 " + pt + "）：" + String.join("；", parts));
    }

    void enterMdc(CompiledPack.Mdc mdc, CaseFacts f) {
        if (on()) {
            add("进入 " + mdc.code() + " " + MdcNames.of(mdc.code()) + "：" + explainAll(mdc.when(), f, "无入组条件"));
        }
    }

    void leaveMdc(CompiledPack.Mdc mdc) {
        if (on()) {
            add(mdc.code() + " 中没有 ADRG 满足条件，继续下一个 MDC");
        }
    }

    void ambiguous(CompiledPack.Mdc mdc, CompiledPack.Step step, String proc) {
        if (on()) {
            add("歧义检查：" + (step.mainProcOnly() ? "主要手术操作 " : "手术操作 ") + p.label(proc) + " 属于 "
                    + step.ambiguousProcs().name() + "，与 " + mdc.code() + " 的 ADRG 均不符，判为歧义组 "
                    + step.ambiguousGroup());
        }
    }

    void matchAdrg(CompiledPack.Adrg rule, CaseFacts f) {
        if (on()) {
            add("匹配 ADRG " + rule.code() + "（规则 " + rule.ruleId() + "）：" + explainAll(rule.when(), f, "无条件"));
        }
    }

    void skipDrg(CompiledPack.Drg drg, CaseFacts f) {
        if (on()) {
            for (Condition c : drg.when()) {
                if (!c.test(f)) {
                    add("不选 " + drg.code() + " " + drg.name() + "：" + c.explain(f, p::label));
                    return;
                }
            }
        }
    }

    void chooseDrg(CompiledPack.Drg drg, CaseFacts f) {
        if (on()) {
            add("入组 " + drg.code() + " " + drg.name() + "：" + explainAll(drg.when(), f, "无附加条件"));
        }
    }

    void fallback(CompiledPack.Adrg rule) {
        if (on()) {
            add("没有 DRG 的条件满足，按 ADRG " + rule.code() + " 的兜底组入组 " + rule.fallback());
        }
    }

    private String explainAll(Condition[] conditions, CaseFacts f, String none) {
        if (conditions.length == 0) {
            return none;
        }
        List<String> parts = new ArrayList<>();
        for (Condition c : conditions) {
            parts.add(c.explain(f, p::label));
        }
        return String.join("，", parts);
    }

    private String labels(String[] codes, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < codes.length; i++) {
            out.add(p.label(codes[i]));
        }
        return String.join("、", out);
    }
}
