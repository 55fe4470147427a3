package org.tandem.boundary;

/** A version is ACTIVE until renegotiated (a newer version replaces it) or retired (the boundary ends). */
public enum BoundaryStatus {
    ACTIVE,
    RENEGOTIATED,
    RETIRED
}
