package org.xray.driver.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.stream.Stream;

import org.xray.contracts.BodyPart;
import org.xray.datasets.mura.MuraDataset;
import org.xray.datasets.mura.MuraLayout;
import org.xray.datasets.synthetic.ConsoleProgressListener;
import org.xray.datasets.synthetic.DatasetSummary;
import org.xray.datasets.synthetic.SyntheticDatasetSpec;
import org.xray.datasets.synthetic.SyntheticDatasetWriter;

/**
 * The demo's dataset: a real MURA copy when given one, else a small synthetic one in MURA layout, written once under
 * the data directory and reused by later runs.
 */
public final class DemoDataset {

    /** Enough normal training images for a small model and a valid split to feed: about 200 images of one part. */
    private static final int TRAIN_STUDIES = 60;
    private static final int VALID_STUDIES = 40;
    private static final double ABNORMAL_FRACTION = 0.4;
    private static final int MAX_IMAGES_PER_STUDY = 3;
    private static final int IMAGE_SIZE = 256;
    private static final long SEED = 1;

    private DemoDataset() {
    }

    /**
     * The synthetic dataset of {@code part} under {@code dataDirectory}, written now if it is not there yet.
     *
     * @return its {@code MURA-v1.1} directory
     */
    public static Path synthetic(Path dataDirectory, BodyPart part, PrintStream out) {
        Path root = dataDirectory.resolve("datasets").resolve("synthetic-" + part.name()).toAbsolutePath();
        Path dataset = root.resolve(MuraLayout.DATASET_DIR);
        if (Files.isDirectory(dataset)) {
            out.println("==> Reusing the synthetic dataset " + dataset);
            return dataset;
        }
        out.printf("==> Writing a synthetic %s dataset (MURA layout, %d + %d studies, %.0f %% abnormal) to %s%n",
                part, TRAIN_STUDIES, VALID_STUDIES, 100 * ABNORMAL_FRACTION, dataset);
        // Written aside and moved into place whole, so an interrupted run never leaves a half dataset to reuse.
        Path partial = root.resolveSibling(root.getFileName() + ".partial");
        deleteRecursively(partial);
        DatasetSummary summary = SyntheticDatasetWriter.write(partial, new SyntheticDatasetSpec(SEED, IMAGE_SIZE,
                EnumSet.of(part), TRAIN_STUDIES, VALID_STUDIES, ABNORMAL_FRACTION, MAX_IMAGES_PER_STUDY),
                new ConsoleProgressListener(out, Duration.ofSeconds(2)));
        try {
            Files.createDirectories(root);
            Files.move(partial.resolve(MuraLayout.DATASET_DIR), dataset);
            Files.delete(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the dataset into " + dataset, e);
        }
        summary.describe().lines().skip(1).forEach(out::println); // the first line names the temporary directory
        return dataset;
    }

    /**
     * A dataset given on the command line (a MURA copy), checked now so that a wrong path fails before anything runs.
     *
     * @throws org.xray.datasets.mura.DatasetFormatException naming what is wrong with it
     */
    public static Path given(Path directory, PrintStream out) {
        MuraDataset dataset = MuraDataset.open(directory);
        out.println("==> Using the dataset " + dataset.datasetDir());
        return dataset.datasetDir();
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
