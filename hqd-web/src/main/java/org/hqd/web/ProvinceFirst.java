package org.hqd.web;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hqd.app.ResultCache;
import org.hqd.casemix.CaseFilter;

/**
 * A hospital's answer taken from the province's answer of the same period. Unit metrics, cost-output, DIP scores, the
 * monthly pre-settlement and the worst-settled cases are computed on the period's basis (benchmark, base rate, point
 * value), the same for every hospital, so a hospital's answer is the province's narrowed to its rows.
 *
 * <p>When the province's answer of a period is computed: by the warm-up for the pages' default period, and for any
 * other period in the background ({@code background}: the warm-up's thread) once a second hospital asks for it (the
 * first hospital's own query costs a few tens of milliseconds; the province's costs about as much as 10–30 hospitals'
 * and then answers all 200: a period that two hospitals look at is taken to be one that many will). Nobody waits for
 * it: until it is kept, each hospital that asks gets its own query. A period one hospital alone asks for costs only
 * its own query.
 */
final class ProvinceFirst {
    /** The prefix of the key under which the first hospital to ask for a province's answer is kept. */
    private static final String FIRST = "first-asked|";
    /** The prefix of the key marking a province's answer as handed to the background (once per key). */
    private static final String REQUESTED = "requested|";

    private final ResultCache cache;
    private final Executor background;

    /**
     * @param cache where the answers are kept
     * @param background where a province's answer is computed once a second hospital asks for its period
     */
    ProvinceFirst(ResultCache cache, Executor background) {
        this.cache = cache;
        this.background = background;
    }

    /**
     * The answer of {@code filter}, kept under {@code key.apply(filter)}: for a hospital, its own answer if kept, else
     * the province's answer of the period narrowed to the hospital if that is kept; otherwise {@code compute} of the
     * filter, and if another hospital has asked for the period before, the province's answer is handed to the
     * background.
     *
     * @param compute the answer of a filter: the province's (no hospital) or a hospital's
     */
    <T> T answer(Function<CaseFilter, String> key, CaseFilter filter, BiFunction<T, String, T> narrow,
                 Function<CaseFilter, T> compute) {
        if (filter.hospital().isEmpty()) {
            return cache.get(key.apply(filter), () -> compute.apply(filter));
        }
        String hospital = filter.hospital().get();
        String own = key.apply(filter);
        Optional<T> kept = cache.kept(own);
        if (kept.isPresent()) {
            return kept.get();
        }
        CaseFilter period = new CaseFilter(filter.from(), filter.to(), Optional.empty());
        String provinceKey = key.apply(period);
        Optional<T> province = cache.kept(provinceKey);
        if (province.isEmpty() && !cache.get(FIRST + provinceKey, () -> hospital).equals(hospital)) {
            cache.get(REQUESTED + provinceKey, () -> {
                background.execute(() -> cache.get(provinceKey, () -> compute.apply(period)));
                return Boolean.TRUE;
            });
            province = cache.kept(provinceKey);
        }
        if (province.isPresent()) {
            T all = province.get();
            return cache.get(own, () -> narrow.apply(all, hospital));
        }
        return cache.get(own, () -> compute.apply(filter));
    }

    /** Narrows a list of unit rows to those whose unit ({@code H}, {@code H/科室}, {@code H/医生}) is the hospital's. */
    static <R> BiFunction<List<R>, String, List<R>> rowsOf(Function<R, String> unit) {
        return (rows, hospital) -> rows.stream().filter(r -> ofHospital(unit.apply(r), hospital)).toList();
    }

    /** Narrows a list of rows of units {@code H/x} (each hospital's DRGs) to the hospital's, each named {@code x}. */
    static <R> BiFunction<List<R>, String, List<R>> rowsUnder(Function<R, String> unit, BiFunction<R, String, R> named) {
        return (rows, hospital) -> rows.stream().filter(r -> unit.apply(r).startsWith(hospital + "/"))
                .map(r -> named.apply(r, unit.apply(r).substring(hospital.length() + 1))).toList();
    }

    /** Narrows a list of rows to those of the hospital ({@code hospitalId} equal to it). */
    static <R> BiFunction<List<R>, String, List<R>> hospitalRows(Function<R, String> hospitalId) {
        return (rows, hospital) -> rows.stream().filter(r -> hospitalId.apply(r).equals(hospital)).toList();
    }

    /** Whether a unit ({@code H}, {@code H/department} or {@code H/physician}) is of the hospital. */
    static boolean ofHospital(String unit, String hospital) {
        return unit.startsWith(hospital) && (unit.length() == hospital.length()
                || unit.charAt(hospital.length()) == '/');
    }
}
