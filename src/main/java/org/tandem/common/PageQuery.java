package org.tandem.common;

/** A validated page request: {@code page} from 0, {@code size} within the configured bound. */
public record PageQuery(int page, int size) {

    public static PageQuery of(Integer page, Integer size, TandemConfig.Paging paging) {
        int p = page == null ? 0 : page;
        int s = size == null ? paging.defaultSize() : size;
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
