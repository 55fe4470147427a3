package org.tandem.measurement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A rating metric: a built-in one or one a clinic defined. Ratings have no published norms, so their reliable
 * change uses {@link #DEFAULT_RELIABILITY} and an SD of a fifth of the range unless the clinic gave its own.
 */
public record Metric(String key, String name, BigDecimal min, BigDecimal max, Direction direction,
        double reliability, double normSd, boolean builtIn) {

    /** Assumed test-retest reliability of a single-item rating (docs/progress.md). */
    public static final double DEFAULT_RELIABILITY = 0.70;

    /** The 0-10 ratings every clinic has. */
    public static final List<Metric> BUILT_IN = List.of(
            builtIn("trust", "Trust"),
            builtIn("communication", "Communication"),
            builtIn("emotional-intimacy", "Emotional intimacy"),
            builtIn("boundary-safety", "Boundary safety"),
            builtIn("hope", "Hope"));

    public static Optional<Metric> builtIn(String key) {
        return BUILT_IN.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    /** The default norm SD: a fifth of the range (2 points on 0-10). */
    public static double defaultSd(BigDecimal min, BigDecimal max) {
        return max.subtract(min).doubleValue() / 5;
    }

    public boolean accepts(BigDecimal value) {
        return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
    }

    public ReliableChange.Norms norms() {
        return new ReliableChange.Norms(reliability, normSd, direction, null);
    }

    private static Metric builtIn(String key, String name) {
        BigDecimal min = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.TEN;
        return new Metric(key, name, min, max, Direction.HIGHER_IS_BETTER, DEFAULT_RELIABILITY, defaultSd(min, max),
                true);
    }
}
