package org.tandem.progress;

import java.util.List;
import org.tandem.measurement.Direction;
import org.tandem.measurement.ReliableChange;
import org.tandem.measurement.Source;
import org.tandem.progress.ProgressApi.Kind;
import org.tandem.progress.ProgressApi.Point;
import org.tandem.progress.ProgressApi.Trend;

/** A series of observations, judged from its first (baseline) to its last (latest) by the reliable change index. */
final class Trends {

    private Trends() {
    }

    /** {@code series} is in date order and not empty. */
    static Trend of(String key, String name, Kind kind, Source source, ReliableChange.Norms norms,
            List<Point> series) {
        Point baseline = series.get(0);
        Point latest = series.get(series.size() - 1);
        Direction direction = norms.direction();
        double threshold = ReliableChange.threshold(norms);
        if (series.size() < 2) {
            return new Trend(key, name, kind, source, direction, series, baseline, latest, null, null, threshold,
                    null, null, null);
        }
        ReliableChange.Result r = ReliableChange.between(baseline.value(), latest.value(), norms);
        return new Trend(key, name, kind, source, direction, series, baseline, latest, r.change(), r.rci(),
                threshold, r.reliable(), r.clinicallySignificant(), r.outcome());
    }
}
