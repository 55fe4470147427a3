package org.tandem.treatmentplan;

import java.util.List;
import java.util.UUID;
import org.tandem.treatmentplan.TreatmentPlanApi.Objective;

/** What other features (the progress summary, the report) read of a couple's plan; answered by the service. */
public interface TreatmentPlanReads {

    /** An objective with a measure, and where it stands in the plan ("1.2.1": problem, goal, objective). */
    record Measured(String path, Objective objective) {

        @Override
        public String toString() {
            return "Measured[" + path + "]";
        }
    }

    /** The measured objectives of the plan in force (the draft before any is signed); none without a plan. */
    List<Measured> measuredObjectives(UUID coupleId);
}
