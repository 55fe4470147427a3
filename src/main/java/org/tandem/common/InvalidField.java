package org.tandem.common;

/** A value of the request body breaks a rule only the record can check (400 naming the field). */
public class InvalidField extends DomainException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
