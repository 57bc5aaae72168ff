package org.hqd.web;

import java.util.concurrent.Executor;
import org.hqd.app.ResultCache;

/**
 * What the read side of the API keeps: the results of its queries and its answers as sent. Shared by the read APIs
 * ({@link DataApi}, {@link CostOutputApi}, {@link DipApi}) and forgotten together when the measures change.
 */
final class ReadAnswers {
    /** Results by query; 4,096 of them: the pages of 50 hospitals' users over two periods hold ≈ 1,700. */
    final ResultCache results = new ResultCache(4096);
    /** The answers as sent, cleared with {@link #results}. */
    final JsonResponses responses = new JsonResponses(4096);
    /** A hospital's answers from the province's, kept in {@link #results}. */
    final ProvinceFirst provinceFirst;

    /** @param background where the province's answer of a period is computed once two hospitals asked for it */
    ReadAnswers(Executor background) {
        provinceFirst = new ProvinceFirst(results, background);
    }

    /** The measures changed (budget actuals were imported): kept results may read them, so all are dropped. */
    void clear() {
        results.clear();
        responses.clear();
    }
}
