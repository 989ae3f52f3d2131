package org.xray.datasets.mura;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xray.contracts.BodyPart;

class MuraDatasetTest {

    @TempDir
    Path root;

    @Test
    void readsSplitsStudiesAndLabels() throws IOException {
        Path dir = MuraFixture.write(root);
        MuraDataset dataset = MuraDataset.open(root);

        assertThat(dataset.datasetDir()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(dataset.images(Split.TRAIN)).hasSize(4);
        assertThat(dataset.images(Split.VALID)).hasSize(2);
        MuraImage first = dataset.images(Split.TRAIN).get(0);
        assertThat(first.path()).isEqualTo(dir.resolve("train/XR_SHOULDER/patient00001/study1_positive/image1.png")
                .toAbsolutePath().normalize());
        assertThat(first.bodyPart()).isEqualTo(BodyPart.XR_SHOULDER);
        assertThat(first.patientId()).isEqualTo("00001");
        assertThat(first.studyKey()).isEqualTo("train/XR_SHOULDER/patient00001/study1_positive");
        assertThat(first.abnormal()).isTrue();

        List<MuraStudy> valid = dataset.studies(Split.VALID);
        assertThat(valid).extracting(MuraStudy::studyKey)
                .containsExactly("valid/XR_HAND/patient11185/study1_positive", "valid/XR_WRIST/patient11186/study2_negative");
        assertThat(valid.get(0).abnormal()).isTrue();
        assertThat(valid.get(1).abnormal()).isFalse();
        assertThat(dataset.studies(Split.TRAIN).get(0).images()).hasSize(2);
    }

    @Test
    void normalTrainingImagesAreTrainNegativesOnly() throws IOException {
        MuraFixture.write(root);
        MuraDataset dataset = MuraDataset.open(root);

        assertThat(dataset.normalTrainingImages()).hasSize(2)
                .allMatch(i -> i.split() == Split.TRAIN && !i.abnormal());
        assertThat(dataset.normalTrainingImages(BodyPart.XR_HAND)).hasSize(2);
        assertThat(dataset.normalTrainingImages(BodyPart.XR_SHOULDER)).isEmpty();
        assertThat(dataset.normalTrainingImages(BodyPart.XR_WRIST)).isEmpty(); // the wrist negative is in valid
    }

    @Test
    void acceptsTheDatasetDirectoryItself() throws IOException {
        Path dir = MuraFixture.write(root);
        assertThat(MuraDataset.open(dir).images(Split.TRAIN)).hasSize(4);
    }

    @Test
    void toleratesCrlfBlankLinesAndByteOrderMark() throws IOException {
        Path dir = MuraFixture.write(root);
        Files.writeString(dir.resolve("valid_labeled_studies.csv"), "\uFEFF" + String.join("\r\n",
                MuraFixture.VALID_LABELS) + "\r\n\r\n");
        assertThat(MuraDataset.open(root).studies(Split.VALID)).hasSize(2);
    }

    @Test
    void missingCsvNamesTheFile() throws IOException {
        Path dir = MuraFixture.write(root);
        Files.delete(dir.resolve("valid_labeled_studies.csv"));
        assertThatThrownBy(() -> MuraDataset.open(root)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("missing MURA CSV file")
                .hasMessageContaining(dir.resolve("valid_labeled_studies.csv").toString());
    }

    @Test
    void missingDatasetDirectoryIsNamed() {
        assertThatThrownBy(() -> MuraDataset.open(root)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(root.resolve("MURA-v1.1").toString());
    }

    @Test
    void malformedLabelLineNamesFileAndLine() throws IOException {
        Path dir = MuraFixture.write(root);
        List<String> labels = new ArrayList<>(MuraFixture.TRAIN_LABELS);
        labels.set(1, "MURA-v1.1/train/XR_HAND/patient00002/study1_negative/");
        MuraFixture.csv(dir.resolve("train_labeled_studies.csv"), labels);
        assertThatThrownBy(() -> MuraDataset.open(root))
                .hasMessageStartingWith(dir.resolve("train_labeled_studies.csv") + ":2: ")
                .hasMessageContaining("expected '<study path>/,<0|1>'");
    }

    @Test
    void malformedImagePathNamesFileAndLine() throws IOException {
        Path dir = MuraFixture.write(root);
        List<String> images = new ArrayList<>(MuraFixture.TRAIN_IMAGES);
        images.set(2, "MURA-v1.1/train/XR_KNEE/patient00002/study1_negative/image1.png");
        MuraFixture.csv(dir.resolve("train_image_paths.csv"), images);
        assertThatThrownBy(() -> MuraDataset.open(root))
                .hasMessageStartingWith(dir.resolve("train_image_paths.csv") + ":3: ")
                .hasMessageContaining("'XR_KNEE' is not a MURA body part");
    }

    @Test
    void labelOtherThanZeroOrOneIsRejected() throws IOException {
        Path dir = MuraFixture.write(root);
        List<String> labels = new ArrayList<>(MuraFixture.VALID_LABELS);
        labels.set(0, "MURA-v1.1/valid/XR_HAND/patient11185/study1_positive/,yes");
        MuraFixture.csv(dir.resolve("valid_labeled_studies.csv"), labels);
        assertThatThrownBy(() -> MuraDataset.open(root))
                .hasMessage(dir.resolve("valid_labeled_studies.csv") + ":1: label 'yes' is not 0 or 1");
    }

    @Test
    void labelContradictingTheDirectoryNameIsRejected() throws IOException {
        Path dir = MuraFixture.write(root);
        List<String> labels = new ArrayList<>(MuraFixture.VALID_LABELS);
        labels.set(0, "MURA-v1.1/valid/XR_HAND/patient11185/study1_positive/,0");
        MuraFixture.csv(dir.resolve("valid_labeled_studies.csv"), labels);
        assertThatThrownBy(() -> MuraDataset.open(root))
                .hasMessageStartingWith(dir.resolve("valid_labeled_studies.csv") + ":1: ")
                .hasMessageContaining("contradicts");
    }

    @Test
    void listedImageThatDoesNotExistIsNamed() throws IOException {
        Path dir = MuraFixture.write(root);
        Path image = dir.resolve("train/XR_HAND/patient00003/study1_negative/image1.png");
        Files.delete(image);
        assertThatThrownBy(() -> MuraDataset.open(root))
                .hasMessageStartingWith(dir.resolve("train_image_paths.csv") + ":4: ")
                .hasMessageContaining("listed image does not exist")
                .hasMessageContaining(image.toString());
    }

    @Test
    void studyWithoutImagesIsRejected() throws IOException {
        Path dir = MuraFixture.write(root);
        MuraFixture.csv(dir.resolve("valid_image_paths.csv"), MuraFixture.VALID_IMAGES.subList(0, 1));
        assertThatThrownBy(() -> MuraDataset.open(root))
                .hasMessageStartingWith(dir.resolve("valid_labeled_studies.csv") + ":2: ")
                .hasMessageContaining("has no images");
    }

    @Test
    void imageOfUnlabeledStudyIsRejected() throws IOException {
        Path dir = MuraFixture.write(root);
        MuraFixture.csv(dir.resolve("train_labeled_studies.csv"), MuraFixture.TRAIN_LABELS.subList(1, 3));
        assertThatThrownBy(() -> MuraDataset.open(root))
                .hasMessageStartingWith(dir.resolve("train_image_paths.csv") + ":1: ")
                .hasMessageContaining("is not listed in");
    }

    @Test
    void pathInTheWrongSplitFileIsRejected() throws IOException {
        Path dir = MuraFixture.write(root);
        List<String> labels = new ArrayList<>(MuraFixture.VALID_LABELS);
        labels.add("MURA-v1.1/train/XR_HAND/patient00002/study1_negative/,0");
        MuraFixture.csv(dir.resolve("valid_labeled_studies.csv"), labels);
        assertThatThrownBy(() -> MuraDataset.open(root))
                .hasMessageStartingWith(dir.resolve("valid_labeled_studies.csv") + ":3: ")
                .hasMessageContaining("split 'train'");
    }

    @Test
    void patientInBothSplitsIsRejected() throws IOException {
        Path dir = MuraFixture.write(root);
        Path moved = dir.resolve("valid/XR_HAND/patient00002/study1_positive/image1.png");
        Files.createDirectories(moved.getParent());
        Files.write(moved, new byte[] {1});
        MuraFixture.csv(dir.resolve("valid_image_paths.csv"), List.of(MuraFixture.VALID_IMAGES.get(0),
                MuraFixture.VALID_IMAGES.get(1), "MURA-v1.1/valid/XR_HAND/patient00002/study1_positive/image1.png"));
        List<String> labels = new ArrayList<>(MuraFixture.VALID_LABELS);
        labels.add("MURA-v1.1/valid/XR_HAND/patient00002/study1_positive/,1");
        MuraFixture.csv(dir.resolve("valid_labeled_studies.csv"), labels);
        assertThatThrownBy(() -> MuraDataset.open(root))
                .hasMessageStartingWith(dir.resolve("valid_image_paths.csv") + ":3: patient 00002 appears in both splits")
                .hasMessageContaining(dir.resolve("train_image_paths.csv") + ":3");
    }
}
