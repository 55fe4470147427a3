package org.tandem.measurement;

/**
 * The Jacobson-Truax (1991) reliable change index and clinical significance, as pure arithmetic.
 *
 * <pre>
 *   SE     = SD * sqrt(1 - r)          standard error of measurement
 *   S_diff = sqrt(2 * SE^2)            standard error of the difference of two scores
 *   RCI    = (latest - baseline) / S_diff
 * </pre>
 * A change is reliable when |RCI| > 1.96 (it would arise by measurement error alone less than 5% of the time).
 * It is clinically significant when it is a reliable improvement and the score moved from the clinical side of the
 * instrument's cut-off to the other side.
 */
public final class ReliableChange {

    /** Two-sided 95%: a change beyond this many standard errors of the difference is reliable. */
    public static final double CRITICAL = 1.96;

    /** What a rating or score needs to judge change. {@code cutoff} may be null. */
    public record Norms(double reliability, double sd, Direction direction, Double cutoff) {

        public Norms {
            if (!(reliability > 0 && reliability < 1) || !(sd > 0) || direction == null) {
                throw new IllegalArgumentException("reliability must be in (0, 1), sd > 0, direction set");
            }
        }

        /** Which side of the cut-off is clinical: at or above it when lower is better, below it when higher is. */
        public boolean isClinical(double score) {
            if (cutoff == null) {
                return false;
            }
            return direction == Direction.LOWER_IS_BETTER ? score >= cutoff : score < cutoff;
        }
    }

    /** Jacobson-Truax's categories of outcome. */
    public enum Outcome {
        RECOVERED,
        IMPROVED,
        NO_RELIABLE_CHANGE,
        DETERIORATED
    }

    /**
     * @param change latest minus baseline, in the metric's units
     * @param rci the reliable change index (sign as change)
     * @param threshold the smallest absolute change that is reliable
     * @param clinicallySignificant null where the metric has no cut-off
     */
    public record Result(double change, double rci, double threshold, boolean reliable, Outcome outcome,
            Boolean clinicallySignificant) {
    }

    private ReliableChange() {
    }

    public static double sDiff(Norms norms) {
        double se = norms.sd() * Math.sqrt(1 - norms.reliability());
        return Math.sqrt(2 * se * se);
    }

    /** The smallest absolute change that is reliable: 1.96 * S_diff, rounded to hundredths. */
    public static double threshold(Norms norms) {
        return round(CRITICAL * sDiff(norms));
    }

    public static Result between(double baseline, double latest, Norms norms) {
        double sDiff = sDiff(norms);
        double change = latest - baseline;
        double rci = change / sDiff;
        boolean reliable = Math.abs(rci) > CRITICAL;
        boolean better = norms.direction().improvement(baseline, latest) > 0;
        Boolean significant = null;
        Outcome outcome = !reliable ? Outcome.NO_RELIABLE_CHANGE : better ? Outcome.IMPROVED : Outcome.DETERIORATED;
        if (norms.cutoff() != null) {
            significant = reliable && better && norms.isClinical(baseline) && !norms.isClinical(latest);
            if (significant) {
                outcome = Outcome.RECOVERED;
            }
        }
        return new Result(round(change), round(rci), round(CRITICAL * sDiff), reliable, outcome, significant);
    }

    public static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
