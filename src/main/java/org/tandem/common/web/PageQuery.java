package org.tandem.common.web;

import org.tandem.common.TandemConfig;

/** A validated page request: {@code page} from 0, {@code size} within the configured bound. */
public record PageQuery(int page, int size) {

    /** From the raw query parameters: JAX-RS would answer 404 to {@code size=many}, this answers 400. */
    public static PageQuery of(String page, String size, TandemConfig.Paging paging) {
        int p = QueryParams.wholeNumber(page, "page", 0);
        int s = QueryParams.wholeNumber(size, "size", paging.defaultSize());
        if (p < 0) {
            throw Problems.invalid("page", "query", "must be 0 or more");
        }
        if (p > 100_000) {
            throw Problems.invalid("page", "query", "must be 100000 or less");
        }
        if (s < 1 || s > paging.maxSize()) {
            throw Problems.invalid("size", "query", "must be between 1 and " + paging.maxSize());
        }
        return new PageQuery(p, s);
    }
}
