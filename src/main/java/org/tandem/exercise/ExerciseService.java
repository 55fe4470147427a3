package org.tandem.exercise;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.audit.AuditLog;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.web.Problems;
import org.tandem.common.web.Versions;
import org.tandem.exercise.ExerciseApi.ExerciseRequest;
import org.tandem.exercise.ExerciseApi.ExerciseResponse;
import org.tandem.exercise.ExerciseApi.ExerciseVersionResponse;
import org.tandem.security.Caller;

/**
 * The clinic's exercise library. A clinic starts with the seeded library (src/main/resources/exercises), created on
 * the first look at its library; therapists and admins add and edit from there.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class ExerciseService implements LibraryReads {

    static final String RECORD = "exercise";
    static final String SEED = "/exercises/seed-library.json";

    /** One entry of the seed file. */
    record SeedEntry(String title, ExerciseCategory category, Performer performer, Cadence.Kind cadence,
            Integer timesPerWeek, int estimatedMinutes, String instructions, List<String> prompts) {
    }

    private final ExerciseRepository exercises;
    private final Caller caller;
    private final AuditLog audit;
    private final ObjectMapper json;

    public PageResponse<ExerciseResponse> list(ExerciseCategory category, boolean includeArchived, PageQuery page) {
        UUID clinicId = libraryOfCaller();
        PanacheQuery<Exercise> query = exercises.search(clinicId, category, includeArchived, page);
        List<Exercise> rows = query.list();
        audit.success("exercise.list", RECORD, null);
        return PageResponse.of(rows, ExerciseApi::toResponse, page, query.count());
    }

    public ExerciseResponse get(UUID id) {
        Exercise exercise = load(id);
        audit.success("exercise.read", RECORD, id);
        return ExerciseApi.toResponse(exercise);
    }

    public ExerciseVersionResponse version(UUID id, int number) {
        Exercise exercise = load(id);
        ExerciseVersion version = exercise.getVersions().stream().filter(v -> v.getNumber() == number).findFirst()
                .orElseThrow(() -> Problems.notFound("exercise version"));
        audit.success("exercise.read", RECORD, id);
        return ExerciseApi.toResponse(version);
    }

    public ExerciseResponse create(ExerciseRequest request) {
        UUID clinicId = libraryOfCaller();
        Exercise exercise = new Exercise(clinicId, request.toContent(), caller.subject());
        exercises.persist(exercise);
        exercises.flush();
        audit.success("exercise.create", RECORD, exercise.getId());
        return ExerciseApi.toResponse(exercise);
    }

    public ExerciseResponse update(UUID id, long expectedVersion, ExerciseRequest request) {
        Exercise exercise = load(id);
        Versions.requireCurrent(expectedVersion, exercise.getVersion());
        exercise.revise(request.toContent(), caller.subject());
        exercises.flush();
        audit.success("exercise.update", RECORD, id);
        return ExerciseApi.toResponse(exercise);
    }

    public ExerciseResponse archive(UUID id, long expectedVersion) {
        Exercise exercise = load(id);
        Versions.requireCurrent(expectedVersion, exercise.getVersion());
        exercise.archive();
        exercises.flush();
        audit.success("exercise.archive", RECORD, id);
        return ExerciseApi.toResponse(exercise);
    }

    /** The caller's clinic, its library seeded if this is the first look at it. */
    private UUID libraryOfCaller() {
        UUID clinicId = caller.clinicId();
        if (exercises.countInClinic(clinicId) == 0) {
            exercises.lockClinic(clinicId);
            if (exercises.countInClinic(clinicId) == 0) {
                seed(clinicId);
            }
        }
        return clinicId;
    }

    private void seed(UUID clinicId) {
        for (SeedEntry e : seedLibrary()) {
            exercises.persist(new Exercise(clinicId, new ExerciseContent(e.title(), e.category(), e.instructions(),
                    e.performer(), Cadence.of(e.cadence(), e.timesPerWeek()), e.estimatedMinutes(), e.prompts()),
                    "tandem-seed-library"));
        }
        exercises.flush();
    }

    List<SeedEntry> seedLibrary() {
        try (InputStream in = ExerciseService.class.getResourceAsStream(SEED)) {
            return json.readValue(in, new TypeReference<List<SeedEntry>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("The seed library " + SEED + " is unreadable", e);
        }
    }

    private Exercise load(UUID id) {
        return exercises.findInClinic(libraryOfCaller(), id).orElseThrow(() -> Problems.notFound(RECORD));
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isInLibrary(UUID clinicId, UUID exerciseId) {
        return exercises.findInClinic(clinicId, exerciseId).isPresent();
    }
}
