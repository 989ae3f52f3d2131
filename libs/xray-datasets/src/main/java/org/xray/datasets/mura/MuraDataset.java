package org.xray.datasets.mura;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xray.contracts.BodyPart;

/**
 * A MURA-v1.1 directory, read and checked eagerly on {@link #open(Path)}: both splits' CSV files, every listed image
 * file, the labels, and that no patient appears in both splits. Any directory in the MURA layout works, whatever
 * its image sizes (images are not decoded here).
 */
public final class MuraDataset {

    private final Path datasetDir;
    private final Map<Split, SplitReader.Contents> splits;

    private MuraDataset(Path datasetDir, Map<Split, SplitReader.Contents> splits) {
        this.datasetDir = datasetDir;
        this.splits = splits;
    }

    /**
     * Opens a dataset given either the directory that contains {@code MURA-v1.1} or {@code MURA-v1.1} itself.
     *
     * @throws DatasetFormatException naming the file (and line) that is missing or malformed
     */
    public static MuraDataset open(Path root) {
        Path datasetDir = locate(Objects.requireNonNull(root, "root").toAbsolutePath().normalize());
        Map<Split, SplitReader.Contents> splits = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            splits.put(split, SplitReader.read(datasetDir, split));
        }
        requireDisjointPatients(datasetDir, splits);
        return new MuraDataset(datasetDir, splits);
    }

    /** The {@code MURA-v1.1} directory itself. */
    public Path datasetDir() {
        return datasetDir;
    }

    /** The split's images in the order of its image-paths CSV. */
    public List<MuraImage> images(Split split) {
        return splits.get(split).images();
    }

    /** The split's studies in the order of its labeled-studies CSV. */
    public List<MuraStudy> studies(Split split) {
        return splits.get(split).studies();
    }

    /** Images of the train split's negative studies of one body part: the only images unsupervised training sees. */
    public List<MuraImage> normalTrainingImages(BodyPart part) {
        Objects.requireNonNull(part, "part");
        return images(Split.TRAIN).stream().filter(i -> !i.abnormal() && i.bodyPart() == part).toList();
    }

    /** Images of the train split's negative studies, all body parts. */
    public List<MuraImage> normalTrainingImages() {
        return images(Split.TRAIN).stream().filter(i -> !i.abnormal()).toList();
    }

    private static Path locate(Path root) {
        if (!Files.isDirectory(root)) {
            throw new DatasetFormatException("MURA root is not a directory: " + root);
        }
        Path nested = root.resolve(MuraLayout.DATASET_DIR);
        if (Files.isDirectory(nested)) {
            return nested;
        }
        // MURA-v1.1 itself (possibly renamed): recognised by its CSV files; a missing one is reported by name later.
        if (root.getFileName() != null && root.getFileName().toString().equals(MuraLayout.DATASET_DIR)) {
            return root;
        }
        for (Split split : Split.values()) {
            if (Files.exists(root.resolve(MuraLayout.imagePathsCsv(split)))
                    || Files.exists(root.resolve(MuraLayout.labeledStudiesCsv(split)))) {
                return root;
            }
        }
        throw new DatasetFormatException("no MURA dataset at " + root + ": expected the directory "
                + nested + " or the file " + root.resolve(MuraLayout.imagePathsCsv(Split.TRAIN)));
    }

    private static void requireDisjointPatients(Path datasetDir, Map<Split, SplitReader.Contents> splits) {
        Map<String, CsvLines.Line> train = splits.get(Split.TRAIN).patientLines();
        for (Map.Entry<String, CsvLines.Line> valid : splits.get(Split.VALID).patientLines().entrySet()) {
            CsvLines.Line inTrain = train.get(valid.getKey());
            if (inTrain != null) {
                CsvLines.Line line = valid.getValue();
                throw DatasetFormatException.at(line.file(), line.number(), "patient " + valid.getKey()
                        + " appears in both splits (also at " + inTrain.file() + ":" + inTrain.number()
                        + "); a patient must never be in train and valid");
            }
        }
    }
}
