package org.tandem.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped instrument scored by its published rule, at the edges of every band. */
class InstrumentScoringTest {

    private static final InstrumentCatalog CATALOG = new InstrumentCatalog(Optional.empty());

    static Stream<Arguments> totals() {
        return Stream.of(
                // instrument, total the answers add up to (filled from item 1 at the item maximum), band, clinical
                Arguments.of("phq-9", 0, "minimal", false),
                Arguments.of("phq-9", 4, "minimal", false),
                Arguments.of("phq-9", 5, "mild", false),
                Arguments.of("phq-9", 9, "mild", false),
                Arguments.of("phq-9", 10, "moderate", true),
                Arguments.of("phq-9", 14, "moderate", true),
                Arguments.of("phq-9", 15, "moderately severe", true),
                Arguments.of("phq-9", 19, "moderately severe", true),
                Arguments.of("phq-9", 20, "severe", true),
                Arguments.of("phq-9", 27, "severe", true),
                Arguments.of("gad-7", 0, "minimal", false),
                Arguments.of("gad-7", 4, "minimal", false),
                Arguments.of("gad-7", 5, "mild", false),
                Arguments.of("gad-7", 9, "mild", false),
                Arguments.of("gad-7", 10, "moderate", true),
                Arguments.of("gad-7", 14, "moderate", true),
                Arguments.of("gad-7", 15, "severe", true),
                Arguments.of("gad-7", 21, "severe", true),
                Arguments.of("pcl-5", 0, "below the provisional cut-off", false),
                Arguments.of("pcl-5", 32, "below the provisional cut-off", false),
                Arguments.of("pcl-5", 33, "provisional PTSD", true),
                Arguments.of("pcl-5", 80, "provisional PTSD", true));
    }

    @ParameterizedTest(name = "{0} = {1}: {2}")
    @MethodSource("totals")
    void sumsIntoTheRightBand(String key, int total, String band, boolean clinical) {
        Instrument instrument = CATALOG.find(key).orElseThrow();
        Instrument.Score score = instrument.score(answersSummingTo(instrument, total));
        assertEquals(total, score.total());
        assertEquals(band, score.band());
        assertEquals(clinical, score.clinical());
    }

    static Stream<Arguments> ranges() {
        return Stream.of(Arguments.of("phq-9", 9, 0, 27), Arguments.of("gad-7", 7, 0, 21),
                Arguments.of("pcl-5", 20, 0, 80), Arguments.of("csi-16", 16, 0, 81));
    }

    @ParameterizedTest(name = "{0}: {1} items, {2}-{3}")
    @MethodSource("ranges")
    void hasThePublishedItemsAndRange(String key, int items, double min, double max) {
        Instrument instrument = CATALOG.find(key).orElseThrow();
        assertEquals(items, instrument.items().size());
        assertEquals(min, instrument.minScore());
        assertEquals(max, instrument.maxScore());
    }

    @Test
    void phq9Item9AboveZeroRaisesTheSafetyFlag() {
        Instrument phq9 = CATALOG.find("phq-9").orElseThrow();
        assertEquals(List.of("phq-9-item-9"), phq9.score(List.of(0, 0, 0, 0, 0, 0, 0, 0, 1)).safetyReasons());
        assertEquals(List.of("phq-9-item-9"), phq9.score(List.of(0, 0, 0, 0, 0, 0, 0, 0, 3)).safetyReasons());
        // Severe everywhere else, but item 9 at 0: severity alone is not this flag.
        assertEquals(List.of(), phq9.score(List.of(3, 3, 3, 3, 3, 3, 3, 3, 0)).safetyReasons());
        assertEquals(24, phq9.score(List.of(3, 3, 3, 3, 3, 3, 3, 3, 0)).total());
    }

    @Test
    void pcl5ScoresItsFourClusters() {
        Instrument pcl5 = CATALOG.find("pcl-5").orElseThrow();
        // B items 1-5 = 4 each, C 6-7 = 3, D 8-14 = 2, E 15-20 = 1
        List<Integer> answers = List.of(4, 4, 4, 4, 4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1);
        Instrument.Score score = pcl5.score(answers);
        assertEquals(Map.of("B", 20.0, "C", 6.0, "D", 14.0, "E", 6.0), score.subscales());
        assertEquals(46, score.total());
        assertTrue(score.clinical());
    }

    @Test
    void csi16ReversesItsNegativelyAnchoredItems() {
        Instrument csi = CATALOG.find("csi-16").orElseThrow();
        assertEquals(List.of(11, 13, 14, 16), csi.reversed().stream().sorted().toList());
        // Everything at 0 (the left anchor): the four reversed items count 5 each.
        assertEquals(20, csi.score(Collections.nCopies(16, 0)).total());
        // The happiest answers: item 1 at 6, the rest at 5, except the reversed items at 0 (interesting, full, ...).
        List<Integer> happiest = List.of(6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 5, 0, 0, 5, 0);
        assertEquals(81, csi.score(happiest).total());
        assertEquals("satisfied", csi.score(happiest).band());
        List<Integer> unhappiest = List.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 5, 5, 0, 5);
        assertEquals(0, csi.score(unhappiest).total());
    }

    @Test
    void csi16DistressCutOffIsBelow51Point5() {
        Instrument csi = CATALOG.find("csi-16").orElseThrow();
        // Item 1 at 6 plus nine items at 5 = 51; the reversed items answered 5 score 0.
        List<Integer> fiftyOne = new ArrayList<>(List.of(6, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 0, 5, 5, 0, 5));
        Instrument.Score distressed = csi.score(fiftyOne);
        assertEquals(51, distressed.total());
        assertEquals("notable relationship dissatisfaction", distressed.band());
        assertTrue(distressed.clinical());
        fiftyOne.set(11, 1);
        Instrument.Score satisfied = csi.score(fiftyOne);
        assertEquals(52, satisfied.total());
        assertEquals("satisfied", satisfied.band());
        assertEquals(false, satisfied.clinical());
    }

    static Stream<Arguments> badAnswers() {
        return Stream.of(
                Arguments.of("phq-9", List.of(0, 0, 0), "answers"),
                Arguments.of("phq-9", Collections.nCopies(10, 0), "answers"),
                Arguments.of("phq-9", List.of(0, 0, 0, 4, 0, 0, 0, 0, 0), "answers[3]"),
                Arguments.of("phq-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, -1), "answers[8]"),
                Arguments.of("phq-9", Arrays.asList(0, null, 0, 0, 0, 0, 0, 0, 0), "answers[1]"),
                Arguments.of("gad-7", List.of(), "answers"),
                Arguments.of("pcl-5", listWith(20, 0, 19, 5), "answers[19]"),
                // Item 1 of the CSI-16 goes to 6, the others to 5.
                Arguments.of("csi-16", listWith(16, 0, 1, 6), "answers[1]"),
                Arguments.of("csi-16", listWith(16, 0, 0, 7), "answers[0]"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("badAnswers")
    void rejectsAnswersThatDoNotFitTheInstrument(String key, List<Integer> answers, String field) {
        Instrument instrument = CATALOG.find(key).orElseThrow();
        Instrument.InvalidAnswers e = assertThrows(Instrument.InvalidAnswers.class, () -> instrument.score(answers));
        assertEquals(field, e.field());
    }

    @Test
    void aNewInstrumentIsAFileNotCode(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("wellbeing.json"), """
                {"key": "wellbeing-3", "name": "Three-item wellbeing", "construct": "test", "source": "test",
                 "scale": {"min": 1, "max": 5},
                 "items": [{"label": "a"}, {"label": "b"}, {"label": "c"}],
                 "reversed": [2], "scoring": "MEAN", "direction": "HIGHER_IS_BETTER",
                 "bands": [{"min": 1, "label": "low"}, {"min": 3, "label": "high"}],
                 "cutoff": 3, "reliability": 0.8, "normSd": 1.0, "normsSource": "test",
                 "licence": {"terms": "CLINIC_LICENCE", "holder": "Wellbeing Press",
                   "statement": "Licensed for clinical use", "checkedOn": "2026-12-01",
                   "reference": "Agreement WB-2026-17"}}
                """);
        InstrumentCatalog catalog = new InstrumentCatalog(Optional.of(dir));
        assertEquals("Agreement WB-2026-17", catalog.find("wellbeing-3").orElseThrow().licence().reference());
        Instrument.Score score = catalog.find("wellbeing-3").orElseThrow().score(List.of(5, 1, 4));
        assertEquals(4.67, score.total()); // (5 + (1 + 5 - 1) + 4) / 3
        assertEquals("high", score.band());
        assertTrue(catalog.find("phq-9").isPresent());
    }

    @Test
    void aBrokenInstrumentFileStopsTheStart(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.json"), """
                {"key": "broken", "name": "x", "construct": "x", "source": "x", "scale": {"min": 0, "max": 3},
                 "items": [{"label": "a"}], "reversed": [2], "scoring": "SUM", "direction": "LOWER_IS_BETTER",
                 "bands": [{"min": 0, "label": "all"}], "reliability": 0.8, "normSd": 1.0}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InstrumentCatalog(Optional.of(dir)));
        assertTrue(e.getMessage().contains("item numbers 1..1"), e.getMessage());
        Files.writeString(dir.resolve("broken.json"), Files.readString(CATALOG_FILE_PHQ9));
        assertThrows(IllegalArgumentException.class, () -> new InstrumentCatalog(Optional.of(dir)));
    }

    /** Every instrument carries the record of the licence it is used on; what ships may be shipped. */
    @Test
    void everyInstrumentHasALicenceRecordAndOnlyShippableOnesShip(@TempDir Path dir) throws IOException {
        for (Instrument i : CATALOG.all()) {
            assertTrue(i.licence().terms().shippable() && !i.licence().statement().isBlank(), i.key());
        }
        String unlicensed = """
                {"key": "unlicensed", "name": "x", "construct": "x", "source": "x", "scale": {"min": 0, "max": 3},
                 "items": [{"label": "a"}], "scoring": "SUM", "direction": "LOWER_IS_BETTER",
                 "bands": [{"min": 0, "label": "all"}], "reliability": 0.8, "normSd": 1.0%s}
                """;
        Files.writeString(dir.resolve("unlicensed.json"), unlicensed.formatted(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new InstrumentCatalog(Optional.of(dir)));
        assertTrue(e.getMessage().contains("licence"), e.getMessage());
        // A clinic's licence names its agreement, so an auditor can find it.
        Files.writeString(dir.resolve("unlicensed.json"), unlicensed.formatted(", \"licence\": {\"terms\":"
                + " \"CLINIC_LICENCE\", \"holder\": \"x\", \"statement\": \"x\", \"checkedOn\": \"2026-12-01\"}"));
        e = assertThrows(IllegalArgumentException.class, () -> new InstrumentCatalog(Optional.of(dir)));
        assertTrue(e.getMessage().contains("reference"), e.getMessage());
    }

    private static final Path CATALOG_FILE_PHQ9 = Path.of("src/main/resources/instruments/phq-9.json");

    /** Answers adding up to {@code total}, filled item by item at each item's maximum. */
    private static List<Integer> answersSummingTo(Instrument instrument, int total) {
        List<Integer> answers = new ArrayList<>();
        int left = total;
        for (Instrument.Item item : instrument.items()) {
            int a = Math.min(item.max(), left);
            answers.add(a);
            left -= a;
        }
        assertEquals(0, left, "total out of range");
        return answers;
    }

    private static List<Integer> listWith(int size, int fill, int index, int value) {
        List<Integer> list = new ArrayList<>(Collections.nCopies(size, fill));
        list.set(index, value);
        return list;
    }
}
