package org.tandem.common.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list. {@code page} counts from 0. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> PageResponse<T> of(List<E> rows, Function<E, T> mapper, PageQuery query, long total) {
        int pages = (int) ((total + query.size() - 1) / query.size());
        return new PageResponse<>(rows.stream().map(mapper).toList(), query.page(), query.size(), total, pages);
    }
}
