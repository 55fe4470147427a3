package org.tandem.treatmentplan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.tandem.crypto.SealedColumn;
import org.tandem.treatmentplan.TreatmentPlanApi.Problem;

/** A plan version's words as the sealed document holds them: the problems, as JSON. */
public final class PlanWords {

    /** The purpose sealed into a version's ciphertext. */
    public static final String PURPOSE = SealedColumn.TREATMENT_PLAN_CONTENT.purpose();
    private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() {
    };

    private PlanWords() {
    }

    public static String write(ObjectMapper json, List<Problem> problems) {
        try {
            return json.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a treatment plan"); // no cause: it quotes the content
        }
    }

    public static List<Problem> read(ObjectMapper json, String sealed) {
        try {
            return json.readValue(sealed, PROBLEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a treatment plan"); // no cause: it quotes the content
        }
    }
}
