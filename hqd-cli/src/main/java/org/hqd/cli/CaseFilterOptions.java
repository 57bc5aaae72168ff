package org.hqd.cli;

import java.time.LocalDate;
import java.util.Optional;
import org.hqd.HqdException;
import org.hqd.casemix.CaseFilter;
import picocli.CommandLine.Option;

/** The shared {@code --hospital}, {@code --from}, {@code --to} options: which cases an analysis looks at. */
final class CaseFilterOptions {
    @Option(names = "--hospital", paramLabel = "<H>", description = "只看这家医院")
    String hospital;

    @Option(names = "--from", paramLabel = "<YYYY-MM-DD>", description = "出院日期起（含）")
    LocalDate from;

    @Option(names = "--to", paramLabel = "<YYYY-MM-DD>", description = "出院日期止（含）")
    LocalDate to;

    /** The error of an analysis that found no case: names the hospital asked for, if one was. */
    HqdException noCases() {
        return new HqdException(hospital != null ? "医院 " + hospital + " 在所选期间没有病例（或不存在）" : "所选期间没有病例");
    }

    CaseFilter filter() {
        return new CaseFilter(Optional.ofNullable(from), Optional.ofNullable(to), Optional.ofNullable(hospital));
    }
}
