package org.tandem.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the app spends its CPU: the JFR execution samples of a recording, counted by top frame ("self") and by
 * every distinct method on the stack ("total"), as a Markdown table. JDK 17 has no {@code jfr view hot-methods}.
 */
final class Profile {

    private Profile() {
    }

    static String hotMethods(Path recording, int top) throws Exception {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            frames.stream().map(Profile::name).distinct().forEach(m -> total.merge(m, 1, Integer::sum));
        }
        int all = Math.max(samples, 1);
        StringBuilder out = new StringBuilder();
        out.append(samples).append(" execution samples.\n\n| self % | method |\n| ---: | --- |\n");
        top(self, top).forEach(e -> out.append(String.format("| %.1f | `%s` |%n", 100.0 * e.getValue() / all,
                e.getKey())));
        out.append("\n| total % | method (org.tandem and framework entry points) |\n| ---: | --- |\n");
        Map<String, Integer> ours = total.entrySet().stream()
                .filter(e -> e.getKey().startsWith("org.tandem") || e.getKey().startsWith("io.quarkus.oidc")
                        || e.getKey().startsWith("org.hibernate") && e.getKey().contains("Session")
                        || e.getKey().startsWith("com.fasterxml.jackson.databind.ObjectMapper")
                        || e.getKey().startsWith("org.jose4j")
                        || e.getKey().startsWith("io.quarkus.deployment.steps")
                        || e.getKey().startsWith("io.quarkus.runner.recorded"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        top(ours, top).forEach(e -> out.append(String.format("| %.1f | `%s` |%n", 100.0 * e.getValue() / all,
                e.getKey())));
        return out.toString();
    }

    private static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .toList();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
