package org.hqd.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The explanation of one settlement, in Chinese; {@link #OFF} records nothing. */
class PaymentTrace {
    static final PaymentTrace OFF = new PaymentTrace() {
        @Override
        void add(String step) {
        }

        @Override
        List<String> steps() {
            return List.of();
        }
    };

    private final List<String> steps = new ArrayList<>();

    void add(String step) {
        steps.add(step);
    }

    List<String> steps() {
        return steps;
    }

    void payer(String value, Optional<Payer> payer, boolean insured) {
        if (this != OFF) {
            add(payer.map(p -> "医疗付款方式 " + p.code() + " " + p.name() + (insured ? "：基金支付" : "：不由基金支付"))
                    .orElse("医疗付款方式 '" + value + "' 不在规则的付款方式中：不由基金支付"));
        }
    }

    void group(String group, double weight, double mean, double charges, double r) {
        if (this != OFF) {
            add(String.format("病组 %s，权重 %.4f，病组均次费用 %.2f 元；病例费用 %.2f 元，费用/均费 %.4f", group, weight, mean,
                    charges, r));
        }
    }

    void points(PointsFormula f, double base, double points, double yuanPerPoint, long fen) {
        if (this != OFF) {
            add(String.format("点数 = %s（基准点数 %.4f）= %.4f；支付 = %.4f × 点值 %.6f = %.2f 元", f.label(), base, points,
                    points, yuanPerPoint, fen / 100.0));
        }
    }
}
