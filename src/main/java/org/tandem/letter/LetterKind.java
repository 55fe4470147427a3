package org.tandem.letter;

import org.tandem.couple.RecoveryRole;

/** The two letters of the recovery work, each written by one of the partners. */
public enum LetterKind {
    /** The betrayed partner tells the partner in recovery how the betrayal affected them. */
    IMPACT(RecoveryRole.PARTNER),
    /** The partner in recovery answers it, owning the harm in the betrayed partner's own terms. */
    RESTITUTION(RecoveryRole.IN_RECOVERY);

    private final RecoveryRole author;

    LetterKind(RecoveryRole author) {
        this.author = author;
    }

    public RecoveryRole author() {
        return author;
    }
}
