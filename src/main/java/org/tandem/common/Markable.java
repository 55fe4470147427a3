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

    /** @return false, changing nothing, when it was marked before */
    public boolean markEnteredInError(ErrorMark mark) {
        if (enteredInError != null) {
            return false;
        }
        this.enteredInError = mark;
        return true;
    }

    /** The mark, or null while the entry counts. */
    public ErrorMark getEnteredInError() {
        return enteredInError;
    }
}
