package org.tandem.note;

import java.util.List;
import lombok.RequiredArgsConstructor;

/** The structure of a note body: the sections each template has. */
@RequiredArgsConstructor
public enum NoteTemplate {
    SOAP(List.of("subjective", "objective", "assessment", "plan")),
    DAP(List.of("data", "assessment", "plan")),
    BIRP(List.of("behaviour", "intervention", "response", "plan")),
    FREE_TEXT(List.of("text"));

    private final List<String> sections;

    public List<String> sections() {
        return sections;
    }
}
