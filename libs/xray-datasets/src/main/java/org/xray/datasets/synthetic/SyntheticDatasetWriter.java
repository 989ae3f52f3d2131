package org.xray.datasets.synthetic;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.xray.datasets.mura.MuraLayout;
import org.xray.datasets.mura.Split;

/**
 * Writes a synthetic dataset in exactly the MURA-v1.1 layout: {@code root/MURA-v1.1/{train,valid}/XR_<PART>/
 * patient<id>/study<n>_{positive,negative}/image<k>.png} plus the four header-less CSV files, so the reader, the
 * preprocessing and training run on the real layout. The same spec always gives the same bytes.
 */
public final class SyntheticDatasetWriter {

    private SyntheticDatasetWriter() {
    }

    /**
     * @throws IllegalStateException when {@code root/MURA-v1.1} already exists and is not empty (never mix datasets)
     * @throws UncheckedIOException  when a file cannot be written
     */
    public static DatasetSummary write(Path root, SyntheticDatasetSpec spec, ProgressListener listener) {
        long start = System.nanoTime();
        Path datasetDir = root.toAbsolutePath().normalize().resolve(MuraLayout.DATASET_DIR);
        requireEmpty(datasetDir);
        List<PlannedStudy> studies = StudyPlanner.plan(spec);
        long total = studies.stream().mapToLong(s -> s.imageSeeds().length).sum();
        SyntheticRadiographRenderer renderer = new SyntheticRadiographRenderer(spec.imageSize());
        Map<Split, StringBuilder> imageCsv = new EnumMap<>(Split.class);
        Map<Split, StringBuilder> labelCsv = new EnumMap<>(Split.class);
        Map<Split, Counts> counts = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            imageCsv.put(split, new StringBuilder());
            labelCsv.put(split, new StringBuilder());
            counts.put(split, new Counts());
        }
        long done = 0;
        listener.progress(0, total);
        try {
            for (PlannedStudy study : studies) {
                String studyKey = study.studyKey();
                Path studyDir = datasetDir.resolve(studyKey);
                Files.createDirectories(studyDir);
                for (int v = 0; v < study.imageSeeds().length; v++) {
                    SyntheticImage image = renderer.render(study.bodyPart(), study.anomaly(), study.imageSeeds()[v]);
                    String file = MuraLayout.imageFileName(v + 1);
                    writePng(image, studyDir.resolve(file));
                    imageCsv.get(study.split()).append(MuraLayout.DATASET_DIR).append('/').append(studyKey).append('/')
                            .append(file).append('\n');
                    listener.progress(++done, total);
                }
                labelCsv.get(study.split()).append(MuraLayout.studyCsvPath(studyKey)).append(',')
                        .append(study.abnormal() ? '1' : '0').append('\n');
                counts.get(study.split()).add(study);
            }
            for (Split split : Split.values()) {
                Files.writeString(datasetDir.resolve(MuraLayout.imagePathsCsv(split)), imageCsv.get(split),
                        StandardCharsets.UTF_8);
                Files.writeString(datasetDir.resolve(MuraLayout.labeledStudiesCsv(split)), labelCsv.get(split),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write synthetic dataset under " + datasetDir, e);
        }
        Map<Split, SplitSummary> summaries = new EnumMap<>(Split.class);
        counts.forEach((split, c) -> summaries.put(split, c.summary()));
        return new DatasetSummary(datasetDir, summaries, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void requireEmpty(Path datasetDir) {
        if (!Files.exists(datasetDir)) {
            return;
        }
        try (var entries = Files.list(datasetDir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalStateException(datasetDir + " already exists and is not empty; "
                        + "choose another output directory or delete it first");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + datasetDir, e);
        }
    }

    private static void writePng(SyntheticImage image, Path file) throws IOException {
        BufferedImage png = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        png.getRaster().setDataElements(0, 0, image.width(), image.height(), image.pixels());
        if (!ImageIO.write(png, "png", file.toFile())) {
            throw new IOException("no PNG writer available in this JVM for " + file);
        }
    }

    /** Running totals for one split. */
    private static final class Counts {
        private final Set<Integer> patients = new HashSet<>();
        private final Map<AnomalyKind, Integer> kinds = new EnumMap<>(AnomalyKind.class);
        private int studies;
        private int abnormal;
        private int images;

        void add(PlannedStudy study) {
            patients.add(study.patientNumber());
            studies++;
            images += study.imageSeeds().length;
            study.anomaly().ifPresent(kind -> {
                abnormal++;
                kinds.merge(kind, 1, Integer::sum);
            });
        }

        SplitSummary summary() {
            return new SplitSummary(patients.size(), studies, abnormal, images, kinds);
        }
    }
}
