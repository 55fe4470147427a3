package org.tandem.common.persistence;

import java.util.List;
import java.util.function.Function;
import org.hibernate.query.SelectionQuery;

/** One page of a query's rows and the number of rows of all its pages. */
public record Paged<T>(List<T> rows, long total) {

    /** Page {@code page} (from 0) of {@code size} rows of the query, each mapped, and its total. */
    public static <R, T> Paged<T> of(SelectionQuery<R> query, int page, int size, Function<R, T> mapper) {
        long total = query.getResultCount(); // Hibernate counts the query without its offset and limit
        List<T> rows = query.setFirstResult(page * size).setMaxResults(size).getResultList().stream().map(mapper)
                .toList();
        return new Paged<>(rows, total);
    }
}
