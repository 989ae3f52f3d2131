package org.xray.anomaly.training;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A resumable training state in a directory: each network with its optimiser state ({@code <name>.zip}, DL4J format)
 * and the iteration counters ({@code progress.properties}). Written to a sibling directory first and swapped in, so
 * a crash while saving leaves the previous checkpoint intact.
 *
 * @param ganIterations     WGAN-GP iterations done
 * @param encoderIterations encoder iterations done
 * @param networks          networks by name
 */
public record Checkpoint(int ganIterations, int encoderIterations, Map<String, MultiLayerNetwork> networks) {

    private static final String PROGRESS = "progress.properties";

    public Checkpoint {
        networks = Map.copyOf(networks);
    }

    public void save(Path directory) {
        Path staging = directory.resolveSibling(directory.getFileName() + ".saving");
        try {
            deleteRecursively(staging);
            Files.createDirectories(staging);
            for (Map.Entry<String, MultiLayerNetwork> network : networks.entrySet()) {
                ModelSerializer.writeModel(network.getValue(), staging.resolve(network.getKey() + ".zip").toFile(),
                        true);
            }
            Properties progress = new Properties();
            progress.setProperty("ganIterations", Integer.toString(ganIterations));
            progress.setProperty("encoderIterations", Integer.toString(encoderIterations));
            try (Writer writer = Files.newBufferedWriter(staging.resolve(PROGRESS))) {
                progress.store(writer, "f-AnoGAN training progress");
            }
            deleteRecursively(directory);
            Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint to " + directory, e);
        }
    }

    /** The checkpoint in {@code directory} with the named networks, or empty when there is none. */
    public static Optional<Checkpoint> load(Path directory, Iterable<String> names) {
        Path progressFile = directory.resolve(PROGRESS);
        if (!Files.isRegularFile(progressFile)) {
            return Optional.empty();
        }
        try {
            Properties progress = new Properties();
            try (Reader reader = Files.newBufferedReader(progressFile)) {
                progress.load(reader);
            }
            Map<String, MultiLayerNetwork> networks = new LinkedHashMap<>();
            for (String name : names) {
                networks.put(name, ModelSerializer.restoreMultiLayerNetwork(
                        directory.resolve(name + ".zip").toFile(), true));
            }
            return Optional.of(new Checkpoint(Integer.parseInt(progress.getProperty("ganIterations")),
                    Integer.parseInt(progress.getProperty("encoderIterations")), networks));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint from " + directory, e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
