package org.tandem.questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tandem.measurement.Direction;
import org.tandem.measurement.ReliableChange;

/**
 * A scored questionnaire, as data (src/main/resources/instruments/*.json): its items and their answer scale, the
 * reversed items, the scoring rule, severity bands, sub-scales, the clinical cut-off, the norms for reliable change
 * and the answers that raise a safety flag. Adding an instrument is adding a file; nothing here knows PHQ-9.
 *
 * @param items answer scale of each item, in order; the text a client shows comes from the instrument's source
 * @param reversed 1-based numbers of items scored max + min - answer
 * @param bands lower bounds, ascending; the first equals the lowest possible score
 * @param cutoff the clinical cut-off, or null; which side is clinical follows {@code direction}
 * @param loinc the LOINC code of the instrument's total score, where LOINC has one (exports), or null
 * @param licence on what terms the clinic uses it: checked and recorded for every instrument
 */
public record Instrument(String key, String name, String construct, String source, List<Item> items,
        Set<Integer> reversed, Rule scoring, Direction direction, List<Band> bands, List<Subscale> subscales,
        Double cutoff, double reliability, double normSd, String normsSource, List<SafetyRule> safety,
        String loinc, Licence licence) {

    public enum Rule {
        SUM,
        MEAN
    }

    /** One item: a short label (not the licensed wording) and the range of its answer. */
    public record Item(String label, int min, int max) {
    }

    /** The terms an instrument is used on. Tandem ships only what may be shipped; a clinic loads the rest. */
    public enum Terms {
        /** No copyright restriction (e.g. a work of the US government). */
        PUBLIC_DOMAIN,
        /** Copyrighted, free to reproduce and use clinically without permission. */
        FREE_TO_USE,
        /** Copyrighted and licensed to the clinic by its holder: loaded from the clinic's own copy, never shipped. */
        CLINIC_LICENCE;

        /** Whether a file on these terms may be part of Tandem itself. */
        public boolean shippable() {
            return this != CLINIC_LICENCE;
        }
    }

    /**
     * The licence record: the terms, who holds the rights, the statement it was checked against, and when.
     *
     * @param reference for a clinic's licence: its number or agreement, so an auditor can find it
     */
    public record Licence(Terms terms, String holder, String statement, java.time.LocalDate checkedOn,
            String reference) {
    }

    public record Band(double min, String label) {
    }

    public record Subscale(String key, String name, List<Integer> items) {
    }

    /** An answer of at least {@code atLeast} on {@code item} raises a safety flag with this reason code. */
    public record SafetyRule(int item, int atLeast, String reason, String description) {
    }

    /** A scored response. {@code safetyReasons} lists the rules the answers tripped. */
    public record Score(double total, String band, Map<String, Double> subscales, boolean clinical,
            List<String> safetyReasons) {

        @Override
        public String toString() {
            return "Score[redacted]";
        }
    }

    /** Answers that do not fit the instrument; {@code field} names the offending one, e.g. {@code answers[8]}. */
    public static final class InvalidAnswers extends RuntimeException {
        private final String field;

        InvalidAnswers(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public Instrument {
        items = List.copyOf(items);
        reversed = reversed == null ? Set.of() : Set.copyOf(reversed);
        bands = List.copyOf(bands);
        subscales = subscales == null ? List.of() : List.copyOf(subscales);
        safety = safety == null ? List.of() : List.copyOf(safety);
        checkDefinition(key, items, reversed, scoring, direction, bands, subscales, reliability, normSd, safety);
        if (licence == null || licence.terms() == null || licence.holder() == null || licence.holder().isBlank()
                || licence.checkedOn() == null) {
            throw new IllegalArgumentException("Instrument " + key + ": a licence record (terms, holder, checkedOn)"
                    + " is required");
        }
        if (licence.terms() == Terms.CLINIC_LICENCE && (licence.reference() == null || licence.reference().isBlank())) {
            throw new IllegalArgumentException("Instrument " + key + ": a clinic's licence names its reference");
        }
    }

    public double minScore() {
        return aggregate(items.stream().mapToDouble(Item::min).toArray());
    }

    public double maxScore() {
        return aggregate(items.stream().mapToDouble(Item::max).toArray());
    }

    public ReliableChange.Norms norms() {
        return new ReliableChange.Norms(reliability, normSd, direction, cutoff);
    }

    /** Scores the answers by the instrument's rule, or throws {@link InvalidAnswers}. */
    public Score score(List<Integer> answers) {
        if (answers == null || answers.size() != items.size()) {
            throw new InvalidAnswers("answers", "must have exactly " + items.size() + " answers, one per item");
        }
        double[] scored = new double[answers.size()];
        for (int i = 0; i < answers.size(); i++) {
            Integer answer = answers.get(i);
            Item item = items.get(i);
            if (answer == null || answer < item.min() || answer > item.max()) {
                throw new InvalidAnswers("answers[" + i + "]",
                        "must be a whole number from " + item.min() + " to " + item.max());
            }
            scored[i] = reversed.contains(i + 1) ? item.min() + item.max() - answer : answer;
        }
        double total = round(aggregate(scored));
        Map<String, Double> sub = new LinkedHashMap<>();
        for (Subscale s : subscales) {
            sub.put(s.key(), round(aggregate(s.items().stream().mapToDouble(n -> scored[n - 1]).toArray())));
        }
        List<String> tripped = new ArrayList<>();
        for (SafetyRule rule : safety) {
            if (answers.get(rule.item() - 1) >= rule.atLeast()) {
                tripped.add(rule.reason());
            }
        }
        return new Score(total, bandOf(total), sub, norms().isClinical(total), List.copyOf(tripped));
    }

    public String bandOf(double score) {
        String label = bands.get(0).label();
        for (Band band : bands) {
            if (score >= band.min()) {
                label = band.label();
            }
        }
        return label;
    }

    private double aggregate(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return scoring == Rule.MEAN ? sum / values.length : sum;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** A malformed instrument file stops the start-up, naming the instrument and what is wrong with it. */
    private static void checkDefinition(String key, List<Item> items, Set<Integer> reversed, Rule scoring,
            Direction direction, List<Band> bands, List<Subscale> subscales, double reliability, double normSd,
            List<SafetyRule> safety) {
        List<String> problems = new ArrayList<>();
        if (key == null || !key.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            problems.add("key must be lower-case letters, digits and dashes");
        }
        if (items.isEmpty() || items.size() > 200
                || items.stream().anyMatch(i -> i.max() <= i.min() || i.min() < -99 || i.max() > 999)) {
            // The bounds keep a stored answer list within its column (questionnaire_response.answers).
            problems.add("needs 1-200 items, each with -99 <= min < max <= 999");
        }
        Set<Integer> numbers = new TreeSet<>();
        reversed.forEach(numbers::add);
        subscales.forEach(s -> numbers.addAll(s.items()));
        safety.forEach(s -> numbers.add(s.item()));
        if (numbers.stream().anyMatch(n -> n < 1 || n > items.size())) {
            problems.add("reversed, sub-scale and safety items must be item numbers 1.." + items.size());
        }
        if (scoring == null || direction == null) {
            problems.add("scoring and direction are required");
        }
        if (bands.isEmpty() || bands.stream().map(Band::min).sorted().toList().equals(bands.stream().map(Band::min)
                .toList()) == false || bands.stream().map(Band::min).distinct().count() != bands.size()) {
            problems.add("bands must be given by strictly ascending lower bounds");
        }
        if (!(reliability > 0 && reliability < 1) || !(normSd > 0)) {
            problems.add("reliability must be in (0, 1) and normSd > 0");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Instrument " + key + ": " + String.join("; ", problems));
        }
        if (scoring != null && !items.isEmpty()) {
            double min = scoring == Rule.MEAN ? items.stream().mapToInt(Item::min).average().orElse(0)
                    : items.stream().mapToInt(Item::min).sum();
            if (bands.get(0).min() != min) {
                throw new IllegalArgumentException("Instrument " + key + ": the first band must start at " + min);
            }
        }
    }

    @Override
    public String toString() {
        return "Instrument[" + key + "]";
    }
}
