package org.tandem.common;


import jakarta.persistence.Embedded;
import jakarta.persistence.MappedSuperclass;

/**
 * A clinical entry that is never changed or deleted once recorded, and can be marked, once, as entered in error
 * (ratings and questionnaire responses, sobriety resets, exercise completions). Marked, it counts nowhere.
 */
@MappedSuperclass
public abstract class Markable {

    @Embedded
    private ErrorMark enteredInError;

    /**
     * Marks it now, by {@code by}, for {@code reason}, sealed by {@code sealer} for this entry.
     *
     * @param what the kind of entry, for the refusal ("value", "reset", ...)
     * @throws io.quarkiverse.resteasy.problem.HttpProblem 409 when it was marked before, changing nothing
     */
    public void markEnteredInError(String by, String reason, String what, ErrorMark.Sealer sealer) {
        this.enteredInError = ErrorMark.mark(enteredInError, by, reason, what, sealer);
    }

    /** The mark, or null while the entry counts. */
    public ErrorMark getEnteredInError() {
        return enteredInError;
    }
}
