package org.hqd.payment;

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
import java.util.Locale;
import java.util.Set;
import org.hqd.HqdException;
import org.hqd.RuleFileException;
import org.hqd.RuleFileProblem;

/**
 * Reads payment rules ({@code payment-rules/1}, JSON) and checks them: every problem — a missing part, an unknown
 * formula, bands out of order, a payer code outside the national 1–9, a formula that needs a group where there is
 * none — is reported at once, with its JSON pointer, in a {@link RuleFileException}.
 */
public final class PaymentRulesLoader {
    /** The format this loader reads. */
    public static final String FORMAT = "payment-rules/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String file;
    private final List<RuleFileProblem> problems = new ArrayList<>();

    private PaymentRulesLoader(String file) {
        this.file = file;
    }

    /** The rules in a JSON text; {@code file} names it in messages. */
    public static PaymentRules parse(String text, String file) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new HqdException(file + " 不是有效的 JSON：" + e.getOriginalMessage());
        }
        PaymentRulesLoader l = new PaymentRulesLoader(file);
        PaymentRules rules = l.rules(root == null ? JSON.createObjectNode() : root);
        RuleFileException.throwIfAny(file, l.problems);
        return rules;
    }

    /** Rules shipped with HQD ({@code org/hqd/payment/<id>.json}). */
    static PaymentRules bundled(String id) {
        try (InputStream in = PaymentRulesLoader.class.getResourceAsStream(id + ".json")) {
            if (in == null) {
                throw new HqdException("没有内置的支付规则 " + id);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), id + ".json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PaymentRules rules(JsonNode n) {
        if (!FORMAT.equals(n.path("format").asText())) {
            problem("/format", "应为 " + FORMAT + "，实际为 '" + n.path("format").asText() + "'");
        }
        String id = text(n, "id", "");
        double perWeight = number(n, "pointsPerWeight", "");
        if (!(perWeight > 0)) {
            problem("/pointsPerWeight", "每权重点数应为正数");
            perWeight = 1;
        }
        Payers payers = payers(n.path("payers"));
        HighOutliers high = high(n.path("high"));
        LowOutliers low = new LowOutliers(text(n.path("low"), "source", "/low"),
                number(n.path("low"), "costBelow", "/low"), formula(n.path("low"), "/low"));
        if (!(low.costBelow() >= 0 && low.costBelow() < 1)) {
            problem("/low/costBelow", "应在 0 与 1 之间（例如 0.4）");
        }
        List<SpecialCase> special = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode list = n.path("special");
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String at = "/special/" + i;
            String sid = text(s, "id", at);
            if (java.util.Set.of("normal", "high", "low", "review", "ungrouped").contains(sid)) {
                problem(at + "/id", "'" + sid + "' 是内置规则名，特殊病例规则请另取 id");
            } else if (!ids.add(sid)) {
                problem(at + "/id", "特殊病例规则 id '" + sid + "' 重复");
            }
            special.add(new SpecialCase(sid, text(s, "label", at), text(s, "source", at), condition(s.path("when"),
                    at + "/when"), formula(s, at)));
        }
        PaidAs review = paidAs(n.path("review"), "/review");
        PaidAs ungrouped = paidAs(n.path("ungrouped"), "/ungrouped");
        return new PaymentRules(id, n.path("name").asText(id), text(n, "source", ""), payers, perWeight, high, low,
                special, review, ungrouped);
    }

    private Payers payers(JsonNode n) {
        List<Payer> payers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode codes = n.path("codes");
        if (!codes.isArray() || codes.isEmpty()) {
            problem("/payers/codes", "应列出医疗付款方式 1–9 及是否由基金支付");
        }
        for (int i = 0; i < codes.size(); i++) {
            JsonNode p = codes.get(i);
            String at = "/payers/codes/" + i;
            String code = text(p, "code", at);
            if (!code.matches("[1-9]")) {
                problem(at + "/code", "医疗付款方式代码应为 1–9（住院病案首页 YLFKFS），实际为 '" + code + "'");
            }
            if (!p.path("insured").isBoolean()) {
                problem(at + "/insured", "应为 true 或 false");
            }
            List<String> aliases = new ArrayList<>();
            p.path("aliases").forEach(a -> aliases.add(a.asText()));
            Payer payer = new Payer(code, text(p, "name", at), p.path("insured").asBoolean(false), aliases);
            for (String v : values(payer)) {
                if (!seen.add(v)) {
                    problem(at, "'" + v + "' 已用于另一种付款方式");
                }
            }
            payers.add(payer);
        }
        if (payers.stream().noneMatch(Payer::insured)) {
            problem("/payers/codes", "没有一种付款方式由基金支付（insured: true）");
        }
        return new Payers(payers, text(n, "source", "/payers"));
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
            problem("/high/bands", "应至少有一个权重区间");
        }
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < list.size(); i++) {
            JsonNode b = list.get(i);
            String at = "/high/bands/" + i;
            boolean last = i == list.size() - 1;
            double upTo = b.has("weightAtMost") ? number(b, "weightAtMost", at) : Double.POSITIVE_INFINITY;
            if (!last && upTo == Double.POSITIVE_INFINITY) {
                problem(at, "只有最后一个区间可以不写 weightAtMost");
            } else if (last && b.has("weightAtMost")) {
                problem(at + "/weightAtMost", "最后一个区间不写 weightAtMost（其上不封顶）");
                upTo = Double.POSITIVE_INFINITY;
            }
            if (!(upTo > previous)) {
                problem(at + "/weightAtMost", "区间应按权重从小到大排列");
            }
            double multiple = number(b, "multiple", at);
            if (!(multiple > 1)) {
                problem(at + "/multiple", "倍数应大于 1");
                multiple = 2;
            }
            bands.add(new OutlierBand(Double.isNaN(upTo) ? Double.POSITIVE_INFINITY : upTo, multiple));
            previous = upTo;
        }
        if (bands.isEmpty()) {
            bands.add(new OutlierBand(Double.POSITIVE_INFINITY, 2));
        }
        return new HighOutliers(text(n, "source", "/high"), bands, formula(n, "/high"));
    }

    private CaseCondition condition(JsonNode n, String at) {
        if (!n.isObject() || n.isEmpty()) {
            problem(at, "应写出适用条件（dischargeMethodIn、losDaysAtMost、losDaysAtLeast）");
            return new CaseCondition(List.of(), -1, -1);
        }
        n.fieldNames().forEachRemaining(f -> {
            if (!Set.of("dischargeMethodIn", "losDaysAtMost", "losDaysAtLeast").contains(f)) {
                problem(at + "/" + f, "未知的条件；可用 dischargeMethodIn、losDaysAtMost、losDaysAtLeast");
            }
        });
        List<String> methods = new ArrayList<>();
        n.path("dischargeMethodIn").forEach(m -> methods.add(m.asText()));
        for (String m : methods) {
            if (!m.matches("[1-59]")) {
                problem(at + "/dischargeMethodIn", "离院方式应为 1–5 或 9，实际为 '" + m + "'");
            }
        }
        return new CaseCondition(methods, days(n, "losDaysAtMost", at), days(n, "losDaysAtLeast", at));
    }

    private int days(JsonNode n, String field, String at) {
        if (!n.has(field)) {
            return -1;
        }
        if (!n.get(field).canConvertToInt() || n.get(field).asInt() < 0) {
            problem(at + "/" + field, "应为非负整数");
            return -1;
        }
        return n.get(field).asInt();
    }

    private PaidAs paidAs(JsonNode n, String at) {
        PaidAs p = new PaidAs(text(n, "label", at), text(n, "source", at), formula(n, at));
        if (p.points().needsGroup()) {
            problem(at + "/points", p.points() + " 需要病组的基准点数，此处的病例没有：应为 COST 或 NONE");
        }
        return p;
    }

    private PointsFormula formula(JsonNode n, String at) {
        String v = n.path("points").asText("");
        try {
            return PointsFormula.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(at + "/points", "未知的计算公式 '" + v + "'；可用 BASE、BASE_PLUS_EXCESS、PROPORTIONAL、"
                    + "PROPORTIONAL_CAPPED、COST、NONE");
            return PointsFormula.NONE;
        }
    }

    private String text(JsonNode n, String field, String at) {
        JsonNode v = n.path(field);
        if (!v.isTextual() || v.asText().isBlank()) {
            problem(at + "/" + field, "不能为空");
            return "";
        }
        return v.asText().strip();
    }

    private double number(JsonNode n, String field, String at) {
        JsonNode v = n.path(field);
        if (!v.isNumber()) {
            problem(at + "/" + field, "应为数值");
            return Double.NaN;
        }
        return v.asDouble();
    }

    private void problem(String where, String message) {
        problems.add(new RuleFileProblem(file, where, message));
    }
}
