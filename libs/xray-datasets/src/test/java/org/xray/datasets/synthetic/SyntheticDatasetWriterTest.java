package org.xray.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xray.contracts.BodyPart;
import org.xray.datasets.mura.MuraDataset;
import org.xray.datasets.mura.MuraImage;
import org.xray.datasets.mura.MuraStudy;
import org.xray.datasets.mura.Split;

class SyntheticDatasetWriterTest {

    private static final SyntheticDatasetSpec TINY = new SyntheticDatasetSpec(5, 64,
            EnumSet.of(BodyPart.XR_HAND, BodyPart.XR_ELBOW), 5, 3, 0.4, 2);

    @TempDir
    Path tmp;

    @Test
    void writesTheMuraLayoutThatTheReaderReadsBack() throws IOException {
        List<long[]> progress = new ArrayList<>();
        DatasetSummary summary = SyntheticDatasetWriter.write(tmp, TINY, (done, total) -> progress.add(new long[] {done, total}));

        Path dir = tmp.resolve("MURA-v1.1");
        assertThat(summary.datasetDir()).isEqualTo(dir.toAbsolutePath().normalize());
        for (String csv : List.of("train_image_paths.csv", "train_labeled_studies.csv", "valid_image_paths.csv",
                "valid_labeled_studies.csv")) {
            assertThat(dir.resolve(csv)).isRegularFile();
        }
        List<String> imageLines = Files.readAllLines(dir.resolve("train_image_paths.csv"));
        assertThat(imageLines).allMatch(l -> l.matches(
                "MURA-v1\\.1/train/XR_(HAND|ELBOW)/patient\\d{5}/study\\d+_(positive|negative)/image\\d\\.png"));
        List<String> labelLines = Files.readAllLines(dir.resolve("valid_labeled_studies.csv"));
        assertThat(labelLines).allMatch(l -> l.matches(
                "MURA-v1\\.1/valid/XR_(HAND|ELBOW)/patient\\d{5}/study\\d+_(positive,1|negative,0)".replace(",", "/,")));

        MuraDataset dataset = MuraDataset.open(tmp);
        // 5 train and 3 valid studies per part, 40 % abnormal per split and part: round(2.0) and round(1.2).
        assertThat(dataset.studies(Split.TRAIN)).hasSize(10);
        assertThat(dataset.studies(Split.VALID)).hasSize(6);
        assertThat(dataset.studies(Split.TRAIN).stream().filter(MuraStudy::abnormal)).hasSize(4);
        assertThat(dataset.studies(Split.VALID).stream().filter(MuraStudy::abnormal)).hasSize(2);
        assertThat(dataset.studies(Split.TRAIN)).allMatch(s -> s.images().size() >= 1 && s.images().size() <= 2);
        assertThat(dataset.images(Split.TRAIN)).hasSize(summary.splits().get(Split.TRAIN).images());
        assertThat(dataset.images(Split.VALID)).hasSize(summary.splits().get(Split.VALID).images());
        assertThat(summary.splits().get(Split.TRAIN).abnormalStudies()).isEqualTo(4);

        Set<String> trainPatients = patients(dataset.images(Split.TRAIN));
        Set<String> validPatients = patients(dataset.images(Split.VALID));
        assertThat(trainPatients).doesNotContainAnyElementsOf(validPatients);
        assertThat(trainPatients).hasSize(summary.splits().get(Split.TRAIN).patients());

        // Study numbers run study1, study2 per patient and part.
        Map<String, List<String>> studiesByPatient = dataset.studies(Split.TRAIN).stream().collect(Collectors.groupingBy(
                s -> s.bodyPart() + "/" + s.patientId(), TreeMap::new,
                Collectors.mapping(s -> s.studyKey().replaceAll(".*/study(\\d+)_.*", "$1"), Collectors.toList())));
        studiesByPatient.values().forEach(numbers -> assertThat(numbers).isEqualTo(
                Stream.iterate(1, i -> i + 1).limit(numbers.size()).map(String::valueOf).toList()));

        MuraImage image = dataset.images(Split.VALID).get(0);
        BufferedImage png = ImageIO.read(image.path().toFile());
        assertThat(png.getWidth()).isEqualTo(64);
        assertThat(png.getHeight()).isEqualTo(64);
        assertThat(dataset.normalTrainingImages()).isNotEmpty().noneMatch(MuraImage::abnormal);

        long total = summary.totalImages();
        assertThat(progress.get(progress.size() - 1)).containsExactly(total, total);
        assertThat(progress).allMatch(p -> p[1] == total);
    }

    @Test
    void sameSpecWritesIdenticalFilesAndAnotherSeedDiffers() throws IOException {
        SyntheticDatasetWriter.write(tmp.resolve("a"), TINY, ProgressListener.NONE);
        SyntheticDatasetWriter.write(tmp.resolve("b"), TINY, ProgressListener.NONE);
        SyntheticDatasetWriter.write(tmp.resolve("c"), TINY.withSeed(6), ProgressListener.NONE);

        Map<String, byte[]> a = files(tmp.resolve("a"));
        Map<String, byte[]> b = files(tmp.resolve("b"));
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
        Map<String, byte[]> c = files(tmp.resolve("c"));
        String firstImage = Files.readAllLines(tmp.resolve("a/MURA-v1.1/train_image_paths.csv")).get(0);
        assertThat(c.get(firstImage)).isNotEqualTo(a.get(firstImage));
    }

    @Test
    void refusesToWriteIntoAnExistingDataset() {
        SyntheticDatasetWriter.write(tmp, TINY, ProgressListener.NONE);
        assertThatThrownBy(() -> SyntheticDatasetWriter.write(tmp, TINY, ProgressListener.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already exists");
    }

    @Test
    void specRejectsNonsense() {
        assertThatThrownBy(() -> new SyntheticDatasetSpec(1, 256, EnumSet.of(BodyPart.UNKNOWN), 1, 1, 0.4, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyntheticDatasetSpec(1, 256, EnumSet.of(BodyPart.XR_HAND), 1, 1, 1.5, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SyntheticDatasetSpec(1, 256, EnumSet.of(BodyPart.XR_HAND), 1, 1, 0.4, 5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SyntheticDatasetSpec.defaults().bodyParts()).hasSize(7);
    }

    private static Set<String> patients(List<MuraImage> images) {
        Set<String> ids = new HashSet<>();
        images.forEach(i -> ids.add(i.patientId()));
        return ids;
    }

    /** Every file under root, keyed by its path relative to root. */
    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> result = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                result.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return result;
    }
}
