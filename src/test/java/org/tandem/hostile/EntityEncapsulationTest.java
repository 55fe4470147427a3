package org.tandem.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Entity;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tandem.note.SessionNote;

/**
 * Entities get their getters from Lombok's class-level {@code @Getter}, so a new field is exposed unless it opts out.
 * Ciphertexts and wrapped keys (the byte arrays of the entities) must not be: only the feature that opens them, in
 * its own package, may read them.
 */
class EntityEncapsulationTest {

    @Test
    void entitiesHandOutNoCiphertextOrKeyBytesBeyondTheOneKnown() throws Exception {
        List<Class<?>> entities = entities();
        assertTrue(entities.size() > 20, "found only " + entities.size() + " entities: is the class scan broken?");
        List<String> exposed = entities.stream().flatMap(c -> Stream.of(c.getDeclaredMethods()))
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getReturnType() == byte[].class)
                .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName()).sorted().toList();
        // Sealed columns are SealedText, which opens with its purpose and row id and hands out no bytes.
        assertEquals(List.of(), exposed);
    }

    private static List<Class<?>> entities() throws IOException, URISyntaxException {
        Path root = Path.of(SessionNote.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .filter(name -> !name.contains("$"))
                    .map(EntityEncapsulationTest::load)
                    .filter(c -> c.isAnnotationPresent(Entity.class)).toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EntityEncapsulationTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
