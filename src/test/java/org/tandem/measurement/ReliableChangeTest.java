package org.tandem.measurement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tandem.measurement.ReliableChange.Norms;
import org.tandem.measurement.ReliableChange.Outcome;

/** The Jacobson-Truax arithmetic against worked examples computed by hand. */
class ReliableChangeTest {

    /**
     * Worked example: a depression scale, SD 7.5, reliability 0.88, pre 30, post 18, cut-off 20 (lower is better).
     * SE = 7.5 * sqrt(0.12) = 2.598; S_diff = sqrt(2 * 2.598^2) = 3.674; RCI = -12 / 3.674 = -3.27; 1.96 * 3.674 =
     * 7.20 points. Reliable, an improvement, and 30 (clinical) to 18 (not): recovered.
     */
    @Test
    void workedExampleRecovered() {
        Norms norms = new Norms(0.88, 7.5, Direction.LOWER_IS_BETTER, 20.0);
        assertEquals(3.674, ReliableChange.sDiff(norms), 0.001);
        assertEquals(7.20, ReliableChange.threshold(norms));
        ReliableChange.Result r = ReliableChange.between(30, 18, norms);
        assertEquals(-12, r.change());
        assertEquals(-3.27, r.rci());
        assertTrue(r.reliable());
        assertEquals(Boolean.TRUE, r.clinicallySignificant());
        assertEquals(Outcome.RECOVERED, r.outcome());
    }

    @Test
    void reliableImprovementThatStaysClinicalIsImproved() {
        Norms norms = new Norms(0.88, 7.5, Direction.LOWER_IS_BETTER, 20.0);
        ReliableChange.Result r = ReliableChange.between(38, 25, norms);
        assertTrue(r.reliable());
        assertEquals(Boolean.FALSE, r.clinicallySignificant());
        assertEquals(Outcome.IMPROVED, r.outcome());
    }

    @Test
    void aChangeWithinMeasurementErrorIsNotReliable() {
        Norms norms = new Norms(0.88, 7.5, Direction.LOWER_IS_BETTER, 20.0);
        // 7 points < 7.20: could be noise, even though it crosses the cut-off.
        ReliableChange.Result r = ReliableChange.between(24, 17, norms);
        assertFalse(r.reliable());
        assertEquals(Boolean.FALSE, r.clinicallySignificant());
        assertEquals(Outcome.NO_RELIABLE_CHANGE, r.outcome());
    }

    @Test
    void directionDecidesWhatDeterioratingMeans() {
        Norms satisfaction = new Norms(0.98, 17.0, Direction.HIGHER_IS_BETTER, 51.5);
        // S_diff = sqrt(2) * 17 * sqrt(0.02) = 3.4; threshold 6.66
        assertEquals(6.66, ReliableChange.threshold(satisfaction));
        assertEquals(Outcome.DETERIORATED, ReliableChange.between(60, 50, satisfaction).outcome());
        assertEquals(Outcome.RECOVERED, ReliableChange.between(40, 60, satisfaction).outcome());
    }

    @Test
    void ratingDefaultsGiveAThreePointThresholdOnZeroToTen() {
        Metric trust = Metric.builtIn("trust").orElseThrow();
        // r 0.70, SD 2: S_diff = sqrt(2) * 2 * sqrt(0.3) = 1.549; threshold 3.04
        assertEquals(3.04, ReliableChange.threshold(trust.norms()));
        ReliableChange.Result r = ReliableChange.between(3, 7, trust.norms());
        assertTrue(r.reliable());
        assertEquals(Outcome.IMPROVED, r.outcome());
        assertNull(r.clinicallySignificant(), "no cut-off, no clinical significance");
        assertFalse(ReliableChange.between(4, 7, trust.norms()).reliable());
    }
}
