package org.hqd.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hqd.app.ResultCache;
import org.hqd.casemix.CaseFilter;
import org.junit.jupiter.api.Test;

/**
 * When a hospital's answer is its own query and when the province's answer of the period narrowed: the province's is
 * computed (in the background) once a second hospital asks for the period, then serves every hospital without a query.
 */
final class ProvinceFirstTest {
    private static final Optional<LocalDate> FROM = Optional.of(LocalDate.of(2025, 10, 1));
    private static final Optional<LocalDate> TO = Optional.of(LocalDate.of(2025, 12, 31));

    /** Answers with made-up unit rows ("H/…" per hospital) and records which filters were queried. */
    private final List<String> queried = new ArrayList<>();
    private final ResultCache cache = new ResultCache(100);
    /** The background's work not yet run ({@link #inTheBackground}); by default it runs at once. */
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;
    private final ProvinceFirst provinceFirst = new ProvinceFirst(cache, r -> {
        if (holding) {
            held.add(r);
        } else {
            r.run();
        }
    });

    private List<String> ask(String hospital) {
        return ask(new CaseFilter(FROM, TO, Optional.ofNullable(hospital)));
    }

    private List<String> ask(CaseFilter filter) {
        return provinceFirst.answer(f -> "rows|" + f, filter, ProvinceFirst.<String>rowsOf(r -> r), f -> {
            queried.add(f.hospital().orElse("province") + " " + f.from().orElseThrow());
            return f.hospital().map(h -> List.of(h, h + "/内科")).orElse(List.of("H1", "H1/内科", "H10", "H10/外科",
                    "H2", "H2/内科", "H3"));
        });
    }

    @Test
    void theFirstHospital_queriesItsOwn_theSecondTheProvince_theOthersNothing() {
        assertThat(ask("H1")).containsExactly("H1", "H1/内科");
        assertThat(queried).containsExactly("H1 2025-10-01");

        assertThat(ask("H1")).containsExactly("H1", "H1/内科");
        assertThat(queried).as("the same hospital again: its kept answer").hasSize(1);

        assertThat(ask("H10")).containsExactly("H10", "H10/外科");
        assertThat(queried).as("a second hospital: the province's answer").containsExactly("H1 2025-10-01",
                "province 2025-10-01");

        assertThat(ask("H2")).containsExactly("H2", "H2/内科");
        assertThat(ask("H3")).containsExactly("H3");
        assertThat(ask((String) null)).containsExactly("H1", "H1/内科", "H10", "H10/外科", "H2", "H2/内科", "H3");
        assertThat(queried).as("every other hospital, and the province: no query").hasSize(2);
    }

    @Test
    void theProvincesAnswerKept_servesEveryHospital_andOtherPeriodsAreApart() {
        ask((String) null);
        assertThat(ask("H2")).containsExactly("H2", "H2/内科");
        assertThat(ask("H4")).as("a hospital without rows in the period").isEmpty();
        assertThat(queried).containsExactly("province 2025-10-01");

        CaseFilter otherPeriod = new CaseFilter(Optional.of(LocalDate.of(2025, 7, 1)), TO, Optional.of("H2"));
        ask(otherPeriod);
        ask(new CaseFilter(otherPeriod.from(), TO, Optional.of("H2")));
        assertThat(queried).as("another period's first hospital, twice").containsExactly("province 2025-10-01",
                "H2 2025-07-01");
    }

    @Test
    void inTheBackground_nobodyWaitsForTheProvince_eachHospitalQueriesItsOwnUntilItIsKept() {
        holding = true;
        ask("H1");
        assertThat(ask("H10")).as("its own query's rows").containsExactly("H10", "H10/内科");
        assertThat(queried).as("the second hospital: its own query; the province's handed to the background")
                .containsExactly("H1 2025-10-01", "H10 2025-10-01");
        assertThat(held).hasSize(1);

        assertThat(ask("H2")).containsExactly("H2", "H2/内科");
        assertThat(queried).as("a third while the province's is not kept: its own query").containsExactly(
                "H1 2025-10-01", "H10 2025-10-01", "H2 2025-10-01");
        assertThat(held).as("the province's answer is handed over once").hasSize(1);

        held.remove(0).run();
        assertThat(ask("H3")).as("the province's rows").containsExactly("H3");
        assertThat(ask("H10")).as("its own answer, kept").containsExactly("H10", "H10/内科");
        assertThat(queried).as("once kept: the province's, then no query").containsExactly("H1 2025-10-01",
                "H10 2025-10-01", "H2 2025-10-01", "province 2025-10-01");
    }
}
