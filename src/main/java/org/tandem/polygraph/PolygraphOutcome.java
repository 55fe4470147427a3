package org.tandem.polygraph;

import java.util.Collection;

/** An examiner's call on one question, in the words polygraph reports use. */
public enum PolygraphOutcome {
    PASS,
    FAIL,
    INCONCLUSIVE,
    NO_OPINION;

    /** The examination as a whole: a failed question fails it; an open one leaves it open; else it passed. */
    static PolygraphOutcome overall(Collection<PolygraphOutcome> each) {
        for (PolygraphOutcome worst : new PolygraphOutcome[] {FAIL, INCONCLUSIVE, NO_OPINION}) {
            if (each.contains(worst)) {
                return worst;
            }
        }
        return PASS;
    }
}
