package org.hqd.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hqd.RuleJson;
import org.hqd.casemix.abstracts.ChargeCategory;

/**
 * Reads compliance rules ({@code compliance-rules/1}, JSON) and checks them whole: an unknown kind or charge category,
 * a threshold out of range, a repeated id — every problem at once with its JSON pointer.
 */
public final class ComplianceRulesLoader {
    public static final String FORMAT = "compliance-rules/1";
    private final RuleJson json;

    private ComplianceRulesLoader(RuleJson json) {
        this.json = json;
    }

    public static ComplianceRules parse(String text, String file) {
        RuleJson json = RuleJson.parse(text, file);
        return json.checked(new ComplianceRulesLoader(json).rules(json.root()));
    }

    static ComplianceRules bundled() {
        return parse(RuleJson.bundled(ComplianceRulesLoader.class, "compliance-rules.json").orElseThrow(),
                "compliance-rules.json");
    }

    private ComplianceRules rules(JsonNode n) {
        json.requireFormat(FORMAT);
        List<ComplianceRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode list = n.path("rules");
        if (!list.isArray() || list.isEmpty()) {
            json.problem("/rules", "应至少有一条规则");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String at = "/rules/" + i;
            String id = json.text(r, "id", at);
            if (!ids.add(id)) {
                json.problem(at + "/id", "规则 id '" + id + "' 重复");
            }
            String label = json.text(r, "label", at);
            String source = json.text(r, "source", at);
            String kind = r.path("kind").asText("");
            switch (kind) {
                case "SPLIT_STAY" -> rules.add(new ComplianceRule.SplitStay(id, label, source,
                        whole(r, "days", at, 1, 365), oneOf(r, "match", at, "ADRG", "MDC").equals("MDC"),
                        r.path("sameHospital").asBoolean(true), strings(r.path("plannedAdrgs"))));
                case "NEEDLESS_ADMISSION" -> rules.add(new ComplianceRule.NeedlessAdmission(id, label, source,
                        whole(r, "losDaysAtMost", at, 0, 30), fraction(r, "costBelowMean", at),
                        r.path("noProcedure").asBoolean(true), strings(r.path("dischargeMethods"))));
                case "CC_RATE", "SECONDARY_DX_COUNT" -> {
                    double ratio = json.number(r, "ratioAtLeast", at);
                    if (!(ratio >= 1)) {
                        json.problem(at + "/ratioAtLeast", "倍数应 ≥ 1");
                    }
                    rules.add(new ComplianceRule.PeerSignal(id, label, source, ComplianceKind.valueOf(kind),
                            whole(r, "minCases", at, 1, 1_000_000), ratio, json.number(r, "differenceAtLeast", at),
                            oneOf(r, "peers", at, "TIER", "ALL").equals("TIER")));
                }
                case "CC_WITHOUT_CHARGES" -> rules.add(new ComplianceRule.CcWithoutCharges(id, label, source,
                        evidence(r.path("evidence"), at + "/evidence")));
                default -> json.problem(at + "/kind", "未知的规则类型 '" + kind + "'；可用 SPLIT_STAY、NEEDLESS_ADMISSION、"
                        + "CC_RATE、SECONDARY_DX_COUNT、CC_WITHOUT_CHARGES");
            }
        }
        return new ComplianceRules(json.text(n, "id", ""), n.path("name").asText(""), json.text(n, "source", ""),
                rules);
    }

    private List<ComplianceRule.ChargeEvidence> evidence(JsonNode list, String at) {
        List<ComplianceRule.ChargeEvidence> out = new ArrayList<>();
        if (!list.isArray() || list.isEmpty()) {
            json.problem(at, "应列出诊断及其应有的费用类别");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            List<ChargeCategory> charges = new ArrayList<>();
            for (String c : strings(e.path("charges"))) {
                ChargeCategory found = null;
                for (ChargeCategory k : ChargeCategory.values()) {
                    if (k.column().equals(c)) {
                        found = k;
                    }
                }
                if (found == null) {
                    json.problem(at + "/" + i + "/charges", "未知的费用类别 '" + c + "'（应为 cost_bed … cost_other）");
                } else {
                    charges.add(found);
                }
            }
            List<String> prefixes = strings(e.path("dxPrefixes"));
            if (prefixes.isEmpty() || e.path("charges").isEmpty()) {
                json.problem(at + "/" + i, "dxPrefixes 与 charges 都不能为空");
            }
            out.add(new ComplianceRule.ChargeEvidence(json.text(e, "label", at + "/" + i), prefixes, charges));
        }
        return out;
    }

    private String oneOf(JsonNode n, String field, String at, String... values) {
        String v = n.path(field).asText(values[0]);
        if (!List.of(values).contains(v)) {
            json.problem(at + "/" + field, "应为 " + String.join(" 或 ", values) + "，实际为 '" + v + "'");
        }
        return v;
    }

    private int whole(JsonNode n, String field, String at, int min, int max) {
        JsonNode v = n.path(field);
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            json.problem(at + "/" + field, "应为 " + min + "–" + max + " 的整数");
            return min;
        }
        return v.asInt();
    }

    private double fraction(JsonNode n, String field, String at) {
        double v = json.number(n, field, at);
        if (!(v > 0 && v <= 1)) {
            json.problem(at + "/" + field, "应在 0 与 1 之间");
        }
        return v;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText().strip()));
        return out;
    }
}
