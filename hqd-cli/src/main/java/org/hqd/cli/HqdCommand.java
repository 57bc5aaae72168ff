package org.hqd.cli;

import picocli.CommandLine.Command;

/**
 * {@code hqd}: the parent command; prints usage when called alone. The words picocli adds to a help (the standard
 * options, the headings) are in Chinese ({@code UsageText.properties}), for every subcommand too.
 */
@Command(name = "hqd", mixinStandardHelpOptions = true, version = "hqd 0.1.0",
        description = "HQD 公立医院高质量发展决策支持与监测系统", resourceBundle = "org.hqd.cli.UsageText",
        subcommands = {DemoCommand.class, GenerateCommand.class, GroupCommand.class, SchemesCommand.class, ImportCommand.class,
            LayoutsCommand.class,
            QualityCommand.class, SqlCommand.class, StandardsCommand.class, MetricsCommand.class,
            CostsCommand.class, PaymentCommand.class, ComplianceCommand.class, OutliersCommand.class, MonitorCommand.class, PhysiciansCommand.class,
            DipCommand.class, IndicatorsCommand.class, TargetsCommand.class, EvaluateCommand.class,
            TrendCommand.class, BriefCommand.class, BudgetCommand.class, CostingCommand.class, LedgerCommand.class, SparkCommand.class, ServeCommand.class, UserCommand.class, AuditCommand.class})
final class HqdCommand extends CommandGroup {
}
