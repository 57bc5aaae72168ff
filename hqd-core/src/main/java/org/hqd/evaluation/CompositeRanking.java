package org.hqd.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The hospitals of an evaluation ranked by their composite score within their peers (same tier and type): per
 * hospital the overall score, the four dimension scores, the rank among the peers with a score and the percentile
 * 100 · (n − rank) / (n − 1) (none with fewer than two scored peers), as the indicator rows are ranked. Ordered by
 * peer group (tier, then type), then rank (unscored hospitals last, by id).
 */
public final class CompositeRanking {
    /** One hospital's line. {@code peers}: how many hospitals of its group have an overall score. */
    public record Line(String hospitalId, String hospitalName, Peers peerGroup, OptionalDouble score,
                       Map<Dimension, OptionalDouble> dimensions, int indicators, OptionalInt rank, int peers,
                       OptionalDouble percentile) {
        public Line {
            dimensions = Map.copyOf(dimensions);
        }
    }

    private CompositeRanking() {
    }

    public static List<Line> of(Evaluation e) {
        Map<String, String> names = new HashMap<>();
        e.rows().forEach(r -> names.putIfAbsent(r.hospitalId(), r.hospitalName()));
        Map<String, Map<Dimension, OptionalDouble>> dimensions = new HashMap<>();
        Map<String, DimensionScore> overall = new LinkedHashMap<>();
        for (DimensionScore s : e.scores()) {
            if (s.dimension().isPresent()) {
                dimensions.computeIfAbsent(s.hospitalId(), k -> new EnumMap<>(Dimension.class))
                        .put(s.dimension().get(), s.score());
            } else {
                overall.put(s.hospitalId(), s);
            }
        }
        Map<Peers, Integer> scoredPeers = new HashMap<>();
        overall.values().stream().filter(s -> s.score().isPresent())
                .forEach(s -> scoredPeers.merge(new Peers(s.tier(), s.type()), 1, Integer::sum));
        List<Line> out = new ArrayList<>();
        for (DimensionScore s : overall.values()) {
            Peers peers = new Peers(s.tier(), s.type());
            int n = scoredPeers.getOrDefault(peers, 0);
            OptionalDouble percentile = s.rankInPeers().isEmpty() || n < 2 ? OptionalDouble.empty()
                    : OptionalDouble.of(100.0 * (n - s.rankInPeers().getAsInt()) / (n - 1));
            out.add(new Line(s.hospitalId(), names.getOrDefault(s.hospitalId(), ""), peers, s.score(),
                    dimensions.getOrDefault(s.hospitalId(), Map.of()), s.indicators(), s.rankInPeers(), n, percentile));
        }
        out.sort(Comparator.comparingInt((Line l) -> l.peerGroup().tier().map(Enum::ordinal).orElse(Integer.MAX_VALUE))
                .thenComparingInt(l -> l.peerGroup().type().map(Enum::ordinal).orElse(Integer.MAX_VALUE))
                .thenComparingInt(l -> l.rank().orElse(Integer.MAX_VALUE)).thenComparing(Line::hospitalId));
        return out;
    }

    /** The line of one hospital, if the evaluation has it. */
    public static Optional<Line> of(List<Line> lines, String hospitalId) {
        return lines.stream().filter(l -> l.hospitalId().equals(hospitalId)).findFirst();
    }
}
