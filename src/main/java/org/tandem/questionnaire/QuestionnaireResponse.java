package org.tandem.questionnaire;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.AccessLevel;
import lombok.Getter;
import org.tandem.measurement.Observation;
import org.tandem.measurement.Source;

/**
 * One partner's answers to an instrument on a day. Only the answers are stored; the score is computed from them by
 * the instrument's rule whenever it is read. What was recorded never changes; a response recorded by mistake is
 * marked as entered in error ({@link org.tandem.common.Markable}).
 */
@Entity
@Table(name = "questionnaire_response")
@Getter
public class QuestionnaireResponse extends Observation {

    @Column(name = "instrument_key", nullable = false, updatable = false, length = 64)
    private String instrumentKey;

    @Column(name = "completed_on", nullable = false, updatable = false)
    private LocalDate completedOn;

    @Column(nullable = false, updatable = false, length = 1000)
    @Getter(AccessLevel.NONE)
    private String answers;

    /** The assignment these answers were given for, if any. */
    @Column(name = "assignment_id", updatable = false)
    private UUID assignmentId;

    protected QuestionnaireResponse() {
    }

    public QuestionnaireResponse(UUID clinicId, UUID coupleId, UUID partnerId, String instrumentKey, LocalDate completedOn,
            List<Integer> answers, Source source, boolean privateToPartner, String recordedBy) {
        super(clinicId, coupleId, partnerId, source, privateToPartner, recordedBy);
        this.instrumentKey = instrumentKey;
        this.completedOn = completedOn;
        this.answers = answers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Given for an assignment: set before it is first saved. */
    void givenFor(UUID assignment) {
        this.assignmentId = assignment;
    }

    public List<Integer> answers() {
        return Arrays.stream(answers.split(",")).map(Integer::valueOf).toList();
    }
}
