package org.hqd.cli;

import java.util.Locale;
import org.hqd.HqdException;
import org.hqd.payment.PaymentMethod;
import picocli.CommandLine.Option;

/** The shared {@code --method drg|dip} option: which payment the insurer runs. */
final class MethodOption {
    @Option(names = "--method", defaultValue = "drg", paramLabel = "drg|dip", description = "付费方式；默认 ${DEFAULT-VALUE}")
    String method;

    PaymentMethod method() {
        try {
            return PaymentMethod.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HqdException("--method 应为 drg 或 dip，实际为 '" + method + "'");
        }
    }
}
