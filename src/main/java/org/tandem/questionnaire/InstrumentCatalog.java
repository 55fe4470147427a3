package org.tandem.questionnaire;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tandem.progress.ProgressConfig;
import org.tandem.measurement.Direction;

/**
 * Every instrument the API scores: the shipped files listed in {@code instruments/index.json}, plus any in the
 * operator's {@code tandem.progress.instruments-dir}. Loaded and checked once at start-up, so a broken file stops
 * the start instead of mis-scoring a client's answers later.
 */
@ApplicationScoped
@Startup
public class InstrumentCatalog {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()).build();

    /** The file format: one answer scale for all items, which an item may override. */
    record InstrumentFile(String key, String name, String construct, String source, Scale scale,
            List<ItemFile> items, Set<Integer> reversed, Instrument.Rule scoring, Direction direction,
            List<Instrument.Band> bands, List<Instrument.Subscale> subscales, Double cutoff, double reliability,
            double normSd, String normsSource, List<Instrument.SafetyRule> safety, String loinc,
            Instrument.Licence licence) {

        Instrument toInstrument() {
            if (scale == null || items == null) {
                throw new IllegalArgumentException("Instrument " + key + ": scale and items are required");
            }
            List<Instrument.Item> list = items.stream().map(i -> new Instrument.Item(i.label(),
                    i.min() == null ? scale.min() : i.min(), i.max() == null ? scale.max() : i.max())).toList();
            return new Instrument(key, name, construct, source, list, reversed, scoring, direction,
                    bands == null ? List.of() : bands, subscales, cutoff, reliability, normSd, normsSource, safety,
                    loinc, licence);
        }
    }

    record Scale(int min, int max) {
    }

    record ItemFile(String label, Integer min, Integer max) {
    }

    private final Map<String, Instrument> byKey;

    @Inject
    InstrumentCatalog(ProgressConfig config) {
        this(config.instrumentsDir().map(Path::of));
    }

    /** The shipped instruments and those in {@code extraDir}. */
    public InstrumentCatalog(Optional<Path> extraDir) {
        Map<String, Instrument> all = new TreeMap<>();
        for (String file : read(resource("instruments/index.json"), String[].class)) {
            Instrument shipped = read(resource("instruments/" + file), InstrumentFile.class).toInstrument();
            if (!shipped.licence().terms().shippable()) {
                throw new IllegalStateException("Instrument " + shipped.key() + " is licensed to a clinic and may"
                        + " not ship with Tandem");
            }
            add(all, shipped);
        }
        extraDir.ifPresent(dir -> {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    add(all, read(Files.newInputStream(file), InstrumentFile.class).toInstrument());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the instruments directory " + dir, e);
            }
        });
        this.byKey = Map.copyOf(all);
    }

    public Optional<Instrument> find(String key) {
        return Optional.ofNullable(key == null ? null : byKey.get(key));
    }

    /** What a safety flag's reason code means, from the instrument rule that raises it. */
    public String describeSafetyReason(String reason) {
        if (SafetyFlag.THERAPIST_CONCERN.equals(reason)) {
            return "Raised by a therapist";
        }
        return byKey.values().stream().flatMap(i -> i.safety().stream()).filter(r -> r.reason().equals(reason))
                .map(Instrument.SafetyRule::description).findFirst().orElse(reason);
    }

    public Collection<Instrument> all() {
        return new TreeMap<>(byKey).values();
    }

    private static void add(Map<String, Instrument> all, Instrument instrument) {
        if (all.putIfAbsent(instrument.key(), instrument) != null) {
            throw new IllegalArgumentException("Two instrument files use the key " + instrument.key());
        }
    }

    private static InputStream resource(String name) {
        InputStream in = InstrumentCatalog.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + name);
        }
        return in;
    }

    private static <T> T read(InputStream in, Class<T> type) {
        try (in) {
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read an instrument file", e);
        }
    }
}
