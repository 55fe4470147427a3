package org.tandem.polygraph;

/** The examination that verifies the disclosure, or one of the maintenance examinations after it. */
public enum PolygraphKind {
    DISCLOSURE,
    MAINTENANCE
}
