package org.tandem.disclosure;

/** Where a disclosure stands: being prepared, read aloud in session, or its document destroyed afterwards. */
public enum DisclosureStatus {
    PLANNING,
    DISCLOSED,
    DESTROYED
}
