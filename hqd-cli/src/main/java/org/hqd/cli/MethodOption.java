package org.hqd.cli;

import org.hqd.payment.PaymentMethod;
import picocli.CommandLine.Option;

/** The shared {@code --method drg|dip} option: which payment the insurer runs. */
final class MethodOption {
    @Option(names = "--method", defaultValue = "drg", paramLabel = "drg|dip", description = "付费方式；默认 ${DEFAULT-VALUE}")
    String method;

    PaymentMethod method() {
        return OptionChoice.of("--method", method, PaymentMethod.DRG, PaymentMethod.DIP);
    }
}
