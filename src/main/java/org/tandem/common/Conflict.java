package org.tandem.common;

/** The record's state does not allow the change (409), e.g. editing a signed note; {@code kind} names it. */
public class Conflict extends DomainException {

    private final String kind;
    private final String title;

    /**
     * @param kind  the problem type's last segment, e.g. {@code note-signed}
     * @param title a short title, e.g. "Note Signed"
     */
    public Conflict(String kind, String title, String detail) {
        super(detail);
        this.kind = kind;
        this.title = title;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }
}
