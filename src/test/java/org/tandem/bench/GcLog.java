package org.tandem.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap figures from the app's own GC log ({@code -Xlog:gc}), so the app needs no agent or JMX port: each line
 * "GC(n) Pause ... 95M->12M(345M)" gives the heap used before the collection (garbage included) and after it
 * (what is live). A window is the part of the log between two byte offsets, bracketed by full GCs.
 */
final class GcLog {

    private static final Pattern PAUSE = Pattern.compile("Pause (Young|Full).*? (\\d+)M->(\\d+)M\\(\\d+M\\)");

    record Window(long liveBeforeMiB, long peakUsedMiB, long peakLiveMiB, long liveAfterMiB) {
    }

    private record Pause(boolean full, long before, long after) {
    }

    private GcLog() {
    }

    /**
     * From {@code offset} on, which must lie just after a full GC: that GC's result is the starting point, the
     * last full GC is the end point, and the collections between them give the peaks.
     */
    static Window window(Path log, long fromOffset) throws IOException {
        List<Pause> before = pauses(read(log, 0, fromOffset));
        List<Pause> during = pauses(read(log, fromOffset, Long.MAX_VALUE));
        Pause start = before.stream().filter(Pause::full).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no full GC before the window"));
        Pause end = during.stream().filter(Pause::full).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no full GC at the end of the window"));
        long peakUsed = start.after();
        long peakLive = start.after();
        for (Pause p : during.subList(0, during.lastIndexOf(end))) {
            peakUsed = Math.max(peakUsed, p.before());
            peakLive = Math.max(peakLive, p.after());
        }
        peakUsed = Math.max(peakUsed, end.before());
        return new Window(start.after(), peakUsed, peakLive, end.after());
    }

    private static List<Pause> pauses(String text) {
        List<Pause> pauses = new ArrayList<>();
        Matcher m = PAUSE.matcher(text);
        while (m.find()) {
            pauses.add(new Pause(m.group(1).equals("Full"), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
        }
        return pauses;
    }

    private static String read(Path log, long from, long to) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long end = Math.min(to, file.length());
            byte[] bytes = new byte[(int) Math.max(0, end - from)];
            file.seek(from);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
