package org.tandem.couple;

import java.util.Arrays;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.tandem.common.web.Problems;

/** The orders a couple list can be sorted in: {@code sort=field} ascending, {@code sort=-field} descending. */
@RequiredArgsConstructor
public enum CoupleSort {
    CREATED_AT("createdAt", "createdAt", false),
    CREATED_AT_DESC("-createdAt", "createdAt", true),
    CARE_STARTED_ON("careStartedOn", "careStartedOn", false),
    CARE_STARTED_ON_DESC("-careStartedOn", "careStartedOn", true),
    CODE("code", "code", false),
    CODE_DESC("-code", "code", true),
    STATUS("status", "status", false),
    STATUS_DESC("-status", "status", true);

    public static final CoupleSort DEFAULT = CREATED_AT_DESC;

    private final String parameter;
    private final String property;
    private final boolean descending;

    public String property() {
        return "c." + property;
    }

    public boolean descending() {
        return descending;
    }

    public static CoupleSort parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT;
        }
        return Arrays.stream(values()).filter(s -> s.parameter.equals(raw.trim())).findFirst()
                .orElseThrow(() -> Problems.invalid("sort", "query", "must be one of "
                        + Arrays.stream(values()).map(s -> s.parameter).collect(Collectors.joining(", "))));
    }
}
