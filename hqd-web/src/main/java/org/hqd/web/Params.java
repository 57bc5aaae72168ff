package org.hqd.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/** Query parameters: unknown names and malformed values are a 400 with a message, never a stack trace. */
final class Params {
    private Params() {
    }

    /** Refuses any query parameter not in {@code allowed}. */
    static void only(Context ctx, String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String name : ctx.queryParamMap().keySet()) {
            if (!ok.contains(name)) {
                throw new BadRequestResponse("未知参数 '" + clip(name) + "'；可用参数：" + String.join("、", allowed));
            }
        }
    }

    static Optional<String> text(Context ctx, String name) {
        return present(ctx.queryParam(name));
    }

    /** A query value or a field of a request body: empty when missing or blank, else stripped. */
    static Optional<String> present(String v) {
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    static Optional<LocalDate> date(Context ctx, String name) {
        return text(ctx, name).map(v -> date(v, "参数 " + name));
    }

    /**
     * The cases of the parameters {@code from} and {@code to} (either may be missing) of {@code hospital}: a range
     * whose start is after its end is a 400, not an empty answer.
     */
    static org.hqd.casemix.CaseFilter filter(Context ctx, Optional<String> hospital) {
        Optional<LocalDate> from = date(ctx, "from");
        Optional<LocalDate> to = date(ctx, "to");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new BadRequestResponse("出院日期范围有误：开始日期 " + from.get() + " 晚于结束日期 " + to.get()
                    + "，请交换或改正");
        }
        return new org.hqd.casemix.CaseFilter(from, to, hospital);
    }

    /** A date YYYY-MM-DD; anything else is a 400 naming {@code what} (a parameter, a field of the body). */
    static LocalDate date(String value, String what) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse(what + " 应为日期 YYYY-MM-DD，实际为 '" + clip(value) + "'");
        }
    }

    /** An integer parameter within {@code min..max}; anything else is a 400 naming the parameter. */
    static Optional<Integer> integer(Context ctx, String name, int min, int max) {
        Optional<String> v = text(ctx, name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(integer(v.get(), name, min, max));
    }

    /** A path or query value as an integer within {@code min..max}. */
    static int integer(String value, String name, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            n = Integer.MIN_VALUE;
        }
        if (n < min || n > max) {
            throw new BadRequestResponse("参数 " + name + " 应为 " + min + "–" + max + " 的整数，实际为 '" + clip(value) + "'");
        }
        return n;
    }

    /** The JSON body as a record; an empty or {@code null} body is a 400. */
    static <T> T body(Context ctx, Class<T> type) {
        T value;
        try {
            value = ctx.bodyAsClass(type);
        } catch (NullPointerException e) {
            value = null;
        }
        if (value == null) {
            throw new BadRequestResponse("请求体不能为空");
        }
        return value;
    }

    static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
