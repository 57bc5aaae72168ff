package org.hqd.bench;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the virtual users of {@link WebLoad} look at: every page of the web application as the browser asks for it
 * (the page's API requests, in order), for one hospital, with the page's default filters (the whole period, the
 * evaluation's last year) most of the time and the last quarter otherwise. What the store holds (budget years, cost
 * accounting runs, a DIP catalogue, ledger plans) is found out before the clock starts, so a page without its data is
 * left out instead of being counted as an error.
 */
final class WebLoadMix {
    /** One API request of a page: {@code endpoint} names it in the report (the path without the varying values). */
    record Request(String endpoint, String path) { }

    /** What the store holds, as the API answered before the clock started. */
    record Store(String lastMonth, Set<String> budgetHospitals, int budgetYear, Set<String> costedHospitals,
                 int costingYear, boolean dip, boolean ledger) {
        static Store of(String lastMonth, String budgetList, String costingRuns, int dipStatus, String plans) {
            Set<String> budgets = ids(budgetList, "\"hospitalId\":\"([^\"]+)\",\"hospitalName\"");
            Set<String> costed = ids(costingRuns, "\"hospitalId\":\"([^\"]+)\",\"year\"");
            return new Store(lastMonth, budgets, firstYear(budgetList), costed, firstYear(costingRuns), dipStatus == 200,
                    plans.contains("\"planId\""));
        }

        private static Set<String> ids(String json, String regex) {
            Set<String> out = new LinkedHashSet<>();
            Matcher m = Pattern.compile(regex).matcher(json);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }

        private static int firstYear(String json) {
            Matcher m = Pattern.compile("\"year\":(\\d{4})").matcher(json);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
    }

    private final Store store;
    /** Endpoints that answered other than 200 when tried before the clock started: their pages are left out. */
    private final Set<String> unavailable;

    WebLoadMix(Store store, Set<String> unavailable) {
        this.store = store;
        this.unavailable = Set.copyOf(unavailable);
    }

    /** The pages a user of {@code hospital} can open on this store; each page is its requests in order. */
    List<List<Request>> pages(String hospital, Random random) {
        YearMonth last = YearMonth.parse(store.lastMonth());
        boolean quarter = random.nextInt(10) < 3;
        String dates = quarter ? "&from=" + last.minusMonths(2).atDay(1) + "&to=" + last.atEndOfMonth() : "";
        String period = String.valueOf(last.getYear());
        String h = "hospital=" + hospital;
        List<List<Request>> out = new ArrayList<>();
        out.add(List.of(new Request("metrics by=hospital by month (overview)", "/api/metrics?by=hospital&month=true&" + h + dates),
                new Request("evaluation (hospital)", "/api/evaluation?period=" + period + "&" + h)));
        out.add(List.of(new Request("metrics by=hospital (compare)", "/api/metrics?by=hospital" + dates)));
        out.add(List.of(new Request("metrics by=drg", "/api/metrics?by=drg&" + h + dates),
                new Request("standards", "/api/standards")));
        out.add(List.of(new Request("metrics by=department", "/api/metrics?by=department&" + h + dates),
                new Request("costs by=department", "/api/costs?by=department&" + h + dates)));
        out.add(List.of(new Request("metrics by=physician", "/api/metrics?by=physician&" + h + dates),
                new Request("costs by=physician", "/api/costs?by=physician&" + h + dates)));
        out.add(List.of(new Request("costs by=drg", "/api/costs?by=drg&" + h + dates)));
        out.add(List.of(new Request("outliers", "/api/outliers?" + h + dates)));
        out.add(List.of(new Request("quality", "/api/quality?" + h + dates)));
        out.add(List.of(new Request("payment", "/api/payment?" + h + dates),
                new Request("payment cases", "/api/payment/cases?" + h + dates),
                new Request("compliance", "/api/compliance?" + h + dates)));
        out.add(List.of(new Request("evaluation (all)", "/api/evaluation?period=" + period)));
        out.add(List.of(new Request("ranking", "/api/ranking?period=" + period)));
        if (store.dip()) {
            out.add(List.of(new Request("dip by=department", "/api/dip?by=department&" + h + dates)));
        }
        if (store.ledger()) {
            out.add(List.of(new Request("ledger plans", "/api/ledger/plans?period=" + period),
                    new Request("ledger tasks", "/api/ledger/tasks?period=" + period)));
        }
        out.add(List.of(new Request("budget list", "/api/budget/list")));
        if (store.budgetHospitals().contains(hospital)) {
            out.add(List.of(new Request("budget list", "/api/budget/list"), new Request("budget execution",
                    "/api/budget?" + h + "&year=" + store.budgetYear())));
            out.add(List.of(new Request("budget execution (month)", "/api/budget?" + h + "&year=" + store.budgetYear()
                    + "&month=" + (1 + random.nextInt(12)))));
        }
        if (store.costedHospitals().contains(hospital)) {
            out.add(List.of(new Request("costing runs", "/api/costing/runs"), new Request("costing departments",
                    "/api/costing/departments?" + h + "&year=" + store.costingYear())));
        }
        out.removeIf(page -> page.stream().anyMatch(r -> unavailable.contains(r.endpoint())));
        return out;
    }
}
