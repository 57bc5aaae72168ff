package org.hqd.payment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.hqd.RuleFileException;
import org.hqd.RuleFileProblem;

/**
 * Reads an official weight table, CSV {@code drg,weight[,base_cost]} (UTF-8, header line; {@code drg} may also be
 * the DIP group code), and checks it whole: a non-numeric or non-positive value, a repeated group, a missing base
 * cost where nothing else gives the group's mean — every problem with its line, at once. Official parameters are
 * used complete or not at all.
 */
public final class WeightTable {
    private WeightTable() {
    }

    /**
     * @param rate       yuan per unit of weight, if published
     * @param pointValue yuan per point, if published (not with a rate)
     */
    public static PaymentWeights parse(String csv, String file, String name, OptionalDouble rate,
                                       OptionalDouble pointValue) {
        List<RuleFileProblem> problems = new ArrayList<>();
        if (rate.isPresent() && pointValue.isPresent()) {
            problems.add(new RuleFileProblem(file, "", "费率（--rate）与点值（--point-value）只能给出一个"));
        }
        for (OptionalDouble v : List.of(rate, pointValue)) {
            if (v.isPresent() && !(v.getAsDouble() > 0)) {
                problems.add(new RuleFileProblem(file, "", "费率或点值应为正数，实际为 " + v.getAsDouble()));
            }
        }
        String[] lines = csv.replace("\uFEFF", "").split("\r?\n");
        List<String> header = lines.length == 0 ? List.of() : List.of(lines[0].strip().split("\\s*,\\s*"));
        int drg = header.indexOf("drg");
        int weight = header.indexOf("weight");
        int base = header.indexOf("base_cost");
        if (drg < 0 || weight < 0) {
            problems.add(new RuleFileProblem(file, "第 1 行", "表头应为 drg,weight[,base_cost]，实际为 '"
                    + (lines.length == 0 ? "" : lines[0].strip()) + "'"));
            throw new RuleFileException(file, problems);
        }
        boolean needBase = rate.isEmpty() && pointValue.isEmpty();
        Map<String, GroupWeight> groups = new LinkedHashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String at = "第 " + (i + 1) + " 行";
            String[] f = lines[i].split(",", -1);
            String code = cell(f, drg);
            double w = number(cell(f, weight));
            String baseText = base < 0 ? "" : cell(f, base);
            double b = baseText.isEmpty() ? Double.NaN : number(baseText);
            int before = problems.size();
            if (code.isEmpty()) {
                problems.add(new RuleFileProblem(file, at, "drg 不能为空"));
            } else if (!seen.add(code)) {
                problems.add(new RuleFileProblem(file, at, "病组 " + code + " 重复"));
            }
            if (!(w > 0)) {
                problems.add(new RuleFileProblem(file, at, "weight 应为正数，实际为 '" + cell(f, weight) + "'"));
            }
            if (!baseText.isEmpty() && !(b > 0)) {
                problems.add(new RuleFileProblem(file, at, "base_cost 应为正数，实际为 '" + baseText + "'"));
            } else if (baseText.isEmpty() && needBase) {
                problems.add(new RuleFileProblem(file, at, "没有 base_cost，又未给出费率或点值，无法得到病组 " + code
                        + " 的均次费用：补上 base_cost，或加载时给出 --rate / --point-value"));
            }
            if (problems.size() == before) {
                groups.put(code, new GroupWeight(code, w, b));
            }
        }
        if (groups.isEmpty() && problems.isEmpty()) {
            problems.add(new RuleFileProblem(file, "", "没有任何病组"));
        }
        RuleFileException.throwIfAny(file, problems);
        return new PaymentWeights(name, groups, rate, pointValue);
    }

    private static String cell(String[] f, int i) {
        return i < f.length ? f[i].strip().replace("\"", "") : "";
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
