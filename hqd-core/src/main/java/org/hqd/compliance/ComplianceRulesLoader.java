package org.hqd.compliance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hqd.HqdException;
import org.hqd.RuleFileException;
import org.hqd.RuleFileProblem;
import org.hqd.casemix.abstracts.ChargeCategory;

/**
 * Reads compliance rules ({@code compliance-rules/1}, JSON) and checks them whole: an unknown kind or charge category,
 * a threshold out of range, a repeated id — every problem at once with its JSON pointer.
 */
public final class ComplianceRulesLoader {
    public static final String FORMAT = "compliance-rules/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;
    private final List<RuleFileProblem> problems = new ArrayList<>();

    private ComplianceRulesLoader(String file) {
        this.file = file;
    }

    public static ComplianceRules parse(String text, String file) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new HqdException(file + " 不是有效的 JSON：" + e.getOriginalMessage());
        }
        ComplianceRulesLoader l = new ComplianceRulesLoader(file);
        ComplianceRules rules = l.rules(root == null ? JSON.createObjectNode() : root);
        RuleFileException.throwIfAny(file, l.problems);
        return rules;
    }

    static ComplianceRules bundled() {
        try (InputStream in = ComplianceRulesLoader.class.getResourceAsStream("compliance-rules.json")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "compliance-rules.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ComplianceRules rules(JsonNode n) {
        if (!FORMAT.equals(n.path("format").asText())) {
            problem("/format", "应为 " + FORMAT + "，实际为 '" + n.path("format").asText() + "'");
        }
        List<ComplianceRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode list = n.path("rules");
        if (!list.isArray() || list.isEmpty()) {
            problem("/rules", "应至少有一条规则");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String at = "/rules/" + i;
            String id = text(r, "id", at);
            if (!ids.add(id)) {
                problem(at + "/id", "规则 id '" + id + "' 重复");
            }
            String label = text(r, "label", at);
            String source = text(r, "source", at);
            String kind = r.path("kind").asText("");
            switch (kind) {
                case "SPLIT_STAY" -> rules.add(new ComplianceRule.SplitStay(id, label, source,
                        whole(r, "days", at, 1, 365), oneOf(r, "match", at, "ADRG", "MDC").equals("MDC"),
                        r.path("sameHospital").asBoolean(true), strings(r.path("plannedAdrgs"))));
                case "NEEDLESS_ADMISSION" -> rules.add(new ComplianceRule.NeedlessAdmission(id, label, source,
                        whole(r, "losDaysAtMost", at, 0, 30), fraction(r, "costBelowMean", at),
                        r.path("noProcedure").asBoolean(true), strings(r.path("dischargeMethods"))));
                case "CC_RATE", "SECONDARY_DX_COUNT" -> {
                    double ratio = number(r, "ratioAtLeast", at);
                    if (!(ratio >= 1)) {
                        problem(at + "/ratioAtLeast", "倍数应 ≥ 1");
                    }
                    rules.add(new ComplianceRule.PeerSignal(id, label, source, ComplianceKind.valueOf(kind),
                            whole(r, "minCases", at, 1, 1_000_000), ratio, number(r, "differenceAtLeast", at),
                            oneOf(r, "peers", at, "TIER", "ALL").equals("TIER")));
                }
                case "CC_WITHOUT_CHARGES" -> rules.add(new ComplianceRule.CcWithoutCharges(id, label, source,
                        evidence(r.path("evidence"), at + "/evidence")));
                default -> problem(at + "/kind", "未知的规则类型 '" + kind + "'；可用 SPLIT_STAY、NEEDLESS_ADMISSION、"
                        + "CC_RATE、SECONDARY_DX_COUNT、CC_WITHOUT_CHARGES");
            }
        }
        return new ComplianceRules(text(n, "id", ""), n.path("name").asText(""), text(n, "source", ""), rules);
    }

    private List<ComplianceRule.ChargeEvidence> evidence(JsonNode list, String at) {
        List<ComplianceRule.ChargeEvidence> out = new ArrayList<>();
        if (!list.isArray() || list.isEmpty()) {
            problem(at, "应列出诊断及其应有的费用类别");
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
                    problem(at + "/" + i + "/charges", "未知的费用类别 '" + c + "'（应为 cost_bed … cost_other）");
                } else {
                    charges.add(found);
                }
            }
            List<String> prefixes = strings(e.path("dxPrefixes"));
            if (prefixes.isEmpty() || e.path("charges").isEmpty()) {
                problem(at + "/" + i, "dxPrefixes 与 charges 都不能为空");
            }
            out.add(new ComplianceRule.ChargeEvidence(text(e, "label", at + "/" + i), prefixes, charges));
        }
        return out;
    }

    private String oneOf(JsonNode n, String field, String at, String... values) {
        String v = n.path(field).asText(values[0]);
        if (!List.of(values).contains(v)) {
            problem(at + "/" + field, "应为 " + String.join(" 或 ", values) + "，实际为 '" + v + "'");
        }
        return v;
    }

    private int whole(JsonNode n, String field, String at, int min, int max) {
        JsonNode v = n.path(field);
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            problem(at + "/" + field, "应为 " + min + "–" + max + " 的整数");
            return min;
        }
        return v.asInt();
    }

    private double fraction(JsonNode n, String field, String at) {
        double v = number(n, field, at);
        if (!(v > 0 && v <= 1)) {
            problem(at + "/" + field, "应在 0 与 1 之间");
        }
        return v;
    }

    private double number(JsonNode n, String field, String at) {
        if (!n.path(field).isNumber()) {
            problem(at + "/" + field, "应为数值");
            return Double.NaN;
        }
        return n.path(field).asDouble();
    }

    private String text(JsonNode n, String field, String at) {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            problem(at + "/" + field, "不能为空");
            return "";
        }
        return v.asText().strip();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText().strip()));
        return out;
    }

    private void problem(String where, String message) {
        problems.add(new RuleFileProblem(file, where, message));
    }
}
