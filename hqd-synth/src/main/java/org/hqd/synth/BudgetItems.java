package org.hqd.synth;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hqd.HqdException;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetItem;

import static org.hqd.synth.SyntheticBudget.*;

/** The catalogue's items with the indexes and groups the generator uses. */
final class BudgetItems {
    final List<BudgetItem> all;
    final Map<String, Integer> index = new HashMap<>();
    /** Items with case charges (inpatient revenue), in catalogue order. */
    final List<Integer> inpatient = new ArrayList<>();
    /** Items adding to medical revenue without case charges (outpatient revenue), in catalogue order. */
    final List<Integer> outpatient = new ArrayList<>();

    BudgetItems(BudgetCatalog catalog) {
        all = catalog.items();
        for (int i = 0; i < all.size(); i++) {
            BudgetItem item = all.get(i);
            index.put(item.code(), i);
            if (!item.caseCharges().isEmpty()) {
                inpatient.add(i);
            } else if (item.measures().contains("medical_revenue")) {
                outpatient.add(i);
            }
        }
        if (inpatient.isEmpty() || outpatient.isEmpty()) {
            throw new HqdException("预算项目目录 " + catalog.id() + " 应有住院收入项目（case_charges）和门急诊医疗收入项目");
        }
    }

    int of(String code) {
        Integer i = index.get(code);
        if (i == null) {
            throw new HqdException("预算项目目录中没有项目 " + code + "：合成预算数据需要它");
        }
        return i;
    }

    BudgetItem item(int i) {
        return all.get(i);
    }

    int size() {
        return all.size();
    }

    /** The sum of the items of one month's amounts (indexed by item) that add to a measure. */
    long measure(String measure, long[] amounts) {
        long sum = 0;
        for (int i = 0; i < amounts.length; i++) {
            if (all.get(i).measures().contains(measure)) {
                sum += amounts[i];
            }
        }
        return sum;
    }

    /**
     * Rescales the outpatient shares so that medical-service revenue (the items of {@code medical_service_revenue})
     * has the same share of outpatient revenue as of the hospital's inpatient charges over the year: a hospital's
     * clinics charge like its wards, so its finance shows the structure its cases show.
     */
    static void servesLikeWards(double[] shares, BudgetItems items, Map<String, long[][]> inpatient) {
        long service = 0;
        long all = 0;
        for (long[][] months : inpatient.values()) {
            for (long[] amounts : months) {
                service += items.measure(SERVICE_MEASURE, amounts);
                all += items.measure("medical_revenue", amounts);
            }
        }
        double in = 0;
        double out = 0;
        for (int k = 0; k < shares.length; k++) {
            if (items.item(items.outpatient.get(k)).measures().contains(SERVICE_MEASURE)) {
                in += shares[k];
            } else {
                out += shares[k];
            }
        }
        if (all == 0 || in == 0 || out == 0) {
            return;
        }
        double target = service / (double) all;
        for (int k = 0; k < shares.length; k++) {
            boolean isService = items.item(items.outpatient.get(k)).measures().contains(SERVICE_MEASURE);
            shares[k] *= isService ? target / in : (1 - target) / out;
        }
    }
}
