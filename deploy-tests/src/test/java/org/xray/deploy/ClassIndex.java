package org.xray.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;

/**
 * The jar (or class directory) on the test class path that holds a given resource: its classes indexed without
 * loading them, and its files.
 *
 * @param resource     where the resource was found
 * @param resourceName the name it was looked up by, e.g. {@code application.properties}
 */
record ClassIndex(URL resource, String resourceName) {

    /** The container of the class, as it is on the test class path. */
    static ClassIndex containerOf(Class<?> type) {
        String name = type.getName().replace('.', '/') + ".class";
        return new ClassIndex(type.getClassLoader().getResource(name), name);
    }

    Index index() {
        Indexer indexer = new Indexer();
        withRoot(root -> {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        indexer.index(in);
                    }
                }
            }
        });
        return indexer.complete();
    }

    String read(String path) {
        StringBuilder text = new StringBuilder();
        withRoot(root -> text.append(Files.readString(root.resolve(path))));
        return text.toString();
    }

    private interface RootAction {
        void accept(Path root) throws IOException;
    }

    private void withRoot(RootAction action) {
        try {
            if (resource.getProtocol().equals("jar")) {
                String jar = resource.getPath().substring("file:".length(), resource.getPath().indexOf("!/"));
                try (FileSystem zip = FileSystems.newFileSystem(Path.of(jar), Map.of())) {
                    action.accept(zip.getPath("/"));
                }
            } else {
                Path root = Path.of(resource.toURI());
                for (int segment = 0; segment < resourceName.split("/").length; segment++) {
                    root = root.getParent();
                }
                action.accept(root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(resource.toString(), e);
        }
    }
}
