package org.xray.datasets.mura;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A hand-made MURA-v1.1 tree: the reader never decodes images, so placeholder bytes stand in for PNGs. */
final class MuraFixture {

    static final List<String> TRAIN_IMAGES = List.of(
            "MURA-v1.1/train/XR_SHOULDER/patient00001/study1_positive/image1.png",
            "MURA-v1.1/train/XR_SHOULDER/patient00001/study1_positive/image2.png",
            "MURA-v1.1/train/XR_HAND/patient00002/study1_negative/image1.png",
            "MURA-v1.1/train/XR_HAND/patient00003/study1_negative/image1.png");
    static final List<String> TRAIN_LABELS = List.of(
            "MURA-v1.1/train/XR_SHOULDER/patient00001/study1_positive/,1",
            "MURA-v1.1/train/XR_HAND/patient00002/study1_negative/,0",
            "MURA-v1.1/train/XR_HAND/patient00003/study1_negative/,0");
    static final List<String> VALID_IMAGES = List.of(
            "MURA-v1.1/valid/XR_HAND/patient11185/study1_positive/image1.png",
            "MURA-v1.1/valid/XR_WRIST/patient11186/study2_negative/image1.png");
    static final List<String> VALID_LABELS = List.of(
            "MURA-v1.1/valid/XR_HAND/patient11185/study1_positive/,1",
            "MURA-v1.1/valid/XR_WRIST/patient11186/study2_negative/,0");

    private MuraFixture() {
    }

    /** Writes the tree under root and returns root/MURA-v1.1. */
    static Path write(Path root) throws IOException {
        for (String image : concat(TRAIN_IMAGES, VALID_IMAGES)) {
            Path file = root.resolve(image);
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        }
        Path dir = root.resolve("MURA-v1.1");
        csv(dir.resolve("train_image_paths.csv"), TRAIN_IMAGES);
        csv(dir.resolve("train_labeled_studies.csv"), TRAIN_LABELS);
        csv(dir.resolve("valid_image_paths.csv"), VALID_IMAGES);
        csv(dir.resolve("valid_labeled_studies.csv"), VALID_LABELS);
        return dir;
    }

    static void csv(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
