package org.hqd.cli;

import picocli.CommandLine.Command;

/** {@code hqd payment}: DRG/DIP payment as the insurer computes it. */
@Command(name = "payment", mixinStandardHelpOptions = true,
        description = {"医保支付（医保部门口径）：官方权重与支付规则、特病单议、逐例结算、月度预结算与年终清算",
            "各子命令的用法见其 --help，如 hqd payment settle --help"},
        subcommands = {PaymentParameterCommands.Weights.class, PaymentParameterCommands.Rules.class,
            PaymentParameterCommands.Reviews.class, PaymentSettleCommand.class, PaymentMonthlyCommand.class,
            PaymentClearCommand.class})
final class PaymentCommand extends CommandGroup {
}
