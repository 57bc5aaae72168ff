package org.hqd.web;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hqd.app.ResultCache;
import org.hqd.casemix.CaseFilter;

/**
 * A hospital's answer taken from the province's answer of the same period when the cache keeps it. Unit metrics,
 * cost-output, DIP scores and the monthly pre-settlement are computed on the period's basis (benchmark, base rate,
 * point value), the same for every hospital, so a hospital's answer is the province's narrowed to its rows. The
 * warm-up computes the province's answers of the pages' default period; a hospital's first request then needs no
 * store query.
 */
final class ProvinceFirst {
    private ProvinceFirst() {
    }

    /**
     * The answer of {@code filter}, kept under {@code key.apply(filter)}: for a hospital, the province's kept answer
     * of the period narrowed to the hospital when there is one; otherwise {@code compute}.
     */
    static <T> T answer(ResultCache cache, Function<CaseFilter, String> key, CaseFilter filter,
                        BiFunction<T, String, T> narrow, Supplier<T> compute) {
        if (filter.hospital().isPresent()) {
            Optional<T> province = cache.kept(key.apply(new CaseFilter(filter.from(), filter.to(), Optional.empty())));
            if (province.isPresent()) {
                String hospital = filter.hospital().get();
                return cache.get(key.apply(filter), () -> narrow.apply(province.get(), hospital));
            }
        }
        return cache.get(key.apply(filter), compute);
    }

    /** Narrows a list of unit rows to those whose unit ({@code H}, {@code H/科室}, {@code H/医生}) is the hospital's. */
    static <R> BiFunction<List<R>, String, List<R>> rowsOf(Function<R, String> unit) {
        return (rows, hospital) -> rows.stream().filter(r -> ofHospital(unit.apply(r), hospital)).toList();
    }

    /** Whether a unit ({@code H}, {@code H/department} or {@code H/physician}) is of the hospital. */
    static boolean ofHospital(String unit, String hospital) {
        return unit.startsWith(hospital) && (unit.length() == hospital.length()
                || unit.charAt(hospital.length()) == '/');
    }
}
