package org.tandem.questionnaire;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.tandem.questionnaire.QuestionnaireApi.SafetyFlagResponse;

/** What other features (the progress summary) read of questionnaires; answered by QuestionnaireService. */
public interface QuestionnaireReads {

    /** Responses of the couple in [from, to], entered in error left out. */
    List<QuestionnaireResponse> responses(UUID coupleId, LocalDate from, LocalDate to);

    /** The instrument a response answered, which scores it. */
    Instrument instrument(QuestionnaireResponse response);

    /** The couple's open flags, and those raised since {@code since}. */
    List<SafetyFlagResponse> flagsOpenOrRaisedSince(UUID coupleId, Instant since);
}
