package org.xray.trainer.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

/** Jobs on disk, one JSON file each, so a restarted trainer knows what it was doing. */
final class JobStore {

    private static final Logger LOG = Logger.getLogger(JobStore.class);

    private final Path directory;
    private final ObjectMapper json;

    JobStore(Path directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    void save(TrainingJobStatus status) {
        try {
            Files.createDirectories(directory);
            Path temporary = directory.resolve(status.id() + ".json.tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), status);
            // A crash mid-write must not leave a truncated job file behind.
            Files.move(temporary, directory.resolve(status.id() + ".json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save job " + status.id() + " in " + directory, e);
        }
    }

    /** Every stored job, oldest first; a file that cannot be read is logged and skipped. */
    List<TrainingJobStatus> loadAll() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<TrainingJobStatus> jobs = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                try {
                    jobs.add(json.readValue(file.toFile(), TrainingJobStatus.class));
                } catch (IOException e) {
                    LOG.errorf("skipping unreadable job file %s: %s", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list jobs in " + directory, e);
        }
        jobs.sort(Comparator.comparing(TrainingJobStatus::submittedAt));
        return jobs;
    }
}
