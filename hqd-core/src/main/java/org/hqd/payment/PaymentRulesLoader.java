package org.hqd.payment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hqd.HqdException;
import org.hqd.RuleJson;

/**
 * Reads payment rules ({@code payment-rules/1}, JSON) and checks them: every problem — a missing part, an unknown
 * formula, bands out of order, a payer code outside the national 1–9, a formula that needs a group where there is
 * none — is reported at once, with its JSON pointer, in a {@link RuleFileException}.
 */
public final class PaymentRulesLoader {
    /** The format this loader reads. */
    public static final String FORMAT = "payment-rules/1";
    private final RuleJson json;

    private PaymentRulesLoader(RuleJson json) {
        this.json = json;
    }

    /** The rules in a JSON text; {@code file} names it in messages. */
    public static PaymentRules parse(String text, String file) {
        RuleJson json = RuleJson.parse(text, file);
        return json.checked(new PaymentRulesLoader(json).rules(json.root()));
    }

    /** Rules shipped with HQD ({@code org/hqd/payment/<id>.json}). */
    static PaymentRules bundled(String id) {
        return parse(RuleJson.bundled(PaymentRulesLoader.class, id + ".json")
                .orElseThrow(() -> new HqdException("没有内置的支付规则 " + id)), id + ".json");
    }

    private PaymentRules rules(JsonNode n) {
        json.requireFormat(FORMAT);
        String id = json.text(n, "id", "");
        double perWeight = json.number(n, "pointsPerWeight", "");
        if (!(perWeight > 0)) {
            json.problem("/pointsPerWeight", "每权重点数应为正数");
            perWeight = 1;
        }
        Payers payers = payers(n.path("payers"));
        HighOutliers high = high(n.path("high"));
        LowOutliers low = new LowOutliers(json.text(n.path("low"), "source", "/low"),
                json.number(n.path("low"), "costBelow", "/low"), formula(n.path("low"), "/low"));
        if (!(low.costBelow() >= 0 && low.costBelow() < 1)) {
            json.problem("/low/costBelow", "应在 0 与 1 之间（例如 0.4）");
        }
        List<SpecialCase> special = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode list = n.path("special");
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String at = "/special/" + i;
            String sid = json.text(s, "id", at);
            if (java.util.Set.of("normal", "high", "low", "review", "ungrouped").contains(sid)) {
                json.problem(at + "/id", "'" + sid + "' 是内置规则名，特殊病例规则请另取 id");
            } else if (!ids.add(sid)) {
                json.problem(at + "/id", "特殊病例规则 id '" + sid + "' 重复");
            }
            special.add(new SpecialCase(sid, json.text(s, "label", at), json.text(s, "source", at),
                    condition(s.path("when"), at + "/when"), formula(s, at)));
        }
        PaidAs review = paidAs(n.path("review"), "/review");
        PaidAs ungrouped = paidAs(n.path("ungrouped"), "/ungrouped");
        return new PaymentRules(id, n.path("name").asText(id), json.text(n, "source", ""), payers, perWeight, high, low,
                special, review, ungrouped);
    }

    private Payers payers(JsonNode n) {
        List<Payer> payers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode codes = n.path("codes");
        if (!codes.isArray() || codes.isEmpty()) {
            json.problem("/payers/codes", "应列出医疗付款方式 1–9 及是否由基金支付");
        }
        for (int i = 0; i < codes.size(); i++) {
            JsonNode p = codes.get(i);
            String at = "/payers/codes/" + i;
            String code = json.text(p, "code", at);
            if (!code.matches("[1-9]")) {
                json.problem(at + "/code", "医疗付款方式代码应为 1–9（住院病案首页 YLFKFS），实际为 '" + code + "'");
            }
            if (!p.path("insured").isBoolean()) {
                json.problem(at + "/insured", "应为 true 或 false");
            }
            List<String> aliases = new ArrayList<>();
            p.path("aliases").forEach(a -> aliases.add(a.asText()));
            Payer payer = new Payer(code, json.text(p, "name", at), p.path("insured").asBoolean(false), aliases);
            for (String v : values(payer)) {
                if (!seen.add(v)) {
                    json.problem(at, "'" + v + "' 已用于另一种付款方式");
                }
            }
            payers.add(payer);
        }
        if (payers.stream().noneMatch(Payer::insured)) {
            json.problem("/payers/codes", "没有一种付款方式由基金支付（insured: true）");
        }
        return new Payers(payers, json.text(n, "source", "/payers"));
    }

    private static List<String> values(Payer p) {
        List<String> v = new ArrayList<>(List.of(p.code(), p.name()));
        v.addAll(p.aliases());
        return v.stream().distinct().toList();
    }

    private HighOutliers high(JsonNode n) {
        List<OutlierBand> bands = new ArrayList<>();
        JsonNode list = n.path("bands");
        if (!list.isArray() || list.isEmpty()) {
            json.problem("/high/bands", "应至少有一个权重区间");
        }
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < list.size(); i++) {
            JsonNode b = list.get(i);
            String at = "/high/bands/" + i;
            boolean last = i == list.size() - 1;
            double upTo = b.has("weightAtMost") ? json.number(b, "weightAtMost", at) : Double.POSITIVE_INFINITY;
            if (!last && upTo == Double.POSITIVE_INFINITY) {
                json.problem(at, "只有最后一个区间可以不写 weightAtMost");
            } else if (last && b.has("weightAtMost")) {
                json.problem(at + "/weightAtMost", "最后一个区间不写 weightAtMost（其上不封顶）");
                upTo = Double.POSITIVE_INFINITY;
            }
            if (!(upTo > previous)) {
                json.problem(at + "/weightAtMost", "区间应按权重从小到大排列");
            }
            double multiple = json.number(b, "multiple", at);
            if (!(multiple > 1)) {
                json.problem(at + "/multiple", "倍数应大于 1");
                multiple = 2;
            }
            bands.add(new OutlierBand(Double.isNaN(upTo) ? Double.POSITIVE_INFINITY : upTo, multiple));
            previous = upTo;
        }
        if (bands.isEmpty()) {
            bands.add(new OutlierBand(Double.POSITIVE_INFINITY, 2));
        }
        return new HighOutliers(json.text(n, "source", "/high"), bands, formula(n, "/high"));
    }

    private CaseCondition condition(JsonNode n, String at) {
        if (!n.isObject() || n.isEmpty()) {
            json.problem(at, "应写出适用条件（dischargeMethodIn、losDaysAtMost、losDaysAtLeast）");
            return new CaseCondition(List.of(), -1, -1);
        }
        n.fieldNames().forEachRemaining(f -> {
            if (!Set.of("dischargeMethodIn", "losDaysAtMost", "losDaysAtLeast").contains(f)) {
                json.problem(at + "/" + f, "未知的条件；可用 dischargeMethodIn、losDaysAtMost、losDaysAtLeast");
            }
        });
        List<String> methods = new ArrayList<>();
        n.path("dischargeMethodIn").forEach(m -> methods.add(m.asText()));
        for (String m : methods) {
            if (!m.matches("[1-59]")) {
                json.problem(at + "/dischargeMethodIn", "离院方式应为 1–5 或 9，实际为 '" + m + "'");
            }
        }
        return new CaseCondition(methods, days(n, "losDaysAtMost", at), days(n, "losDaysAtLeast", at));
    }

    private int days(JsonNode n, String field, String at) {
        if (!n.has(field)) {
            return -1;
        }
        if (!n.get(field).canConvertToInt() || n.get(field).asInt() < 0) {
            json.problem(at + "/" + field, "应为非负整数");
            return -1;
        }
        return n.get(field).asInt();
    }

    private PaidAs paidAs(JsonNode n, String at) {
        PaidAs p = new PaidAs(json.text(n, "label", at), json.text(n, "source", at), formula(n, at));
        if (p.points().needsGroup()) {
            json.problem(at + "/points", p.points() + " 需要病组的基准点数，此处的病例没有：应为 COST 或 NONE");
        }
        return p;
    }

    private PointsFormula formula(JsonNode n, String at) {
        String v = n.path("points").asText("");
        try {
            return PointsFormula.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            json.problem(at + "/points", "未知的计算公式 '" + v + "'；可用 BASE、BASE_PLUS_EXCESS、PROPORTIONAL、"
                    + "PROPORTIONAL_CAPPED、COST、NONE");
            return PointsFormula.NONE;
        }
    }
}
