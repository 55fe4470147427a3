package org.tandem.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;

/** A full dump of every table, searched for text that must not be there (the canary tests). */
public final class DatabaseDump {

    /** The tables scanned, and for each needle the table.column values that contain it. */
    public record Found(List<String> tables, Map<String, Set<String>> where) {
        public Set<String> of(String needle) {
            return where.getOrDefault(needle, Set.of());
        }
    }

    private DatabaseDump() {
    }

    /** Reads every column of every row of every table, as bytes, and looks for each needle. */
    public static Found search(DataSource db, Collection<String> needles) throws SQLException {
        Map<String, Set<String>> found = new HashMap<>();
        List<String> tables = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement list = c.createStatement();
                ResultSet names = list.executeQuery("show full tables where Table_type = 'BASE TABLE'")) {
            while (names.next()) {
                tables.add(names.getString(1));
            }
            for (String table : tables) {
                try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("select * from " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            byte[] value = rows.getBytes(i);
                            if (value == null) {
                                continue;
                            }
                            // Byte for byte: the needles are ASCII, and ciphertext is not text. Compression is
                            // no protection, so what is gzip is read unpacked.
                            String text = new String(unpacked(value), StandardCharsets.ISO_8859_1);
                            for (String needle : needles) {
                                if (text.contains(needle)) {
                                    found.computeIfAbsent(needle, k -> new TreeSet<>())
                                            .add(table + "." + rows.getMetaData().getColumnName(i));
                                }
                            }
                        }
                    }
                }
            }
        }
        return new Found(List.copyOf(tables), found);
    }

    private static byte[] unpacked(byte[] value) {
        if (value.length < 2 || value[0] != (byte) 0x1f || value[1] != (byte) 0x8b) {
            return value;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(value))) {
            return in.readAllBytes();
        } catch (IOException notGzipAfterAll) {
            return value;
        }
    }
}
