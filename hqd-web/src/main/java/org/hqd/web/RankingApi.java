package org.hqd.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hqd.evaluation.CompositeRanking;
import org.hqd.evaluation.Dimension;
import org.hqd.hospital.HospitalTier;

/**
 * {@code GET /api/ranking?period=&set=&targets=&hospital=}: the hospitals ranked by the evaluation's composite score
 * within their peers (tier × type), with the four dimension scores, rank and percentile. Who sees what, as on the
 * evaluation: a regional regulator its region's hospitals ranked among themselves, an admin all, a hospital user only
 * its own line (its rank among the peers, without their names), a department user nothing.
 */
final class RankingApi {
    /** One hospital's line; scores 0–100, {@code dimensions} in the order of {@code Dimension}, null when unscored. */
    record Line(String hospitalId, String hospitalName, String tier, String tierLabel, String peerGroup, Double score,
                List<Double> dimensions, int indicators, Integer rank, int peers, Double percentile) {
        static Line of(CompositeRanking.Line l) {
            List<Double> dims = new ArrayList<>();
            for (Dimension d : Dimension.values()) {
                dims.add(Dto.v(l.dimensions().getOrDefault(d, java.util.OptionalDouble.empty())));
            }
            return new Line(l.hospitalId(), l.hospitalName(), l.peerGroup().tier().map(Enum::name).orElse(null),
                    HospitalTier.labelOf(l.peerGroup().tier()), l.peerGroup().label(), Dto.v(l.score()), dims,
                    l.indicators(), l.rank().isPresent() ? l.rank().getAsInt() : null, l.peers(), Dto.v(l.percentile()));
        }
    }

    private final DataApi data;

    RankingApi(DataApi data) {
        this.data = data;
    }

    void ranking(Context ctx) {
        data.send(ctx, () -> answer(ctx));
    }

    private Map<String, Object> answer(Context ctx) {
        EvaluationApi.Asked a = EvaluationApi.asked(ctx, data);
        List<Line> rows = CompositeRanking.of(a.e()).stream().filter(l -> a.shows(l.hospitalId())).map(Line::of).toList();
        Map<String, Object> out = EvaluationApi.head(a);
        out.put("dimensions", java.util.Arrays.stream(Dimension.values()).map(Dimension::label).toList());
        out.put("rows", rows);
        return out;
    }
}
