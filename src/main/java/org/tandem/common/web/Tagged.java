package org.tandem.common.web;

/**
 * A response body for one versioned record. {@link EtagFilter} sends its version as the response's strong ETag, which
 * a later write sends back in If-Match ({@link Versions#fromIfMatch}); resources just return the record.
 */
public interface Tagged {

    long version();
}
