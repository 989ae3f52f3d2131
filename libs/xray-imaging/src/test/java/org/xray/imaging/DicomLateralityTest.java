package org.xray.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xray.contracts.BodyPart;
import org.xray.contracts.events.PreprocessingStep;
import org.xray.datasets.synthetic.NuisanceVariation;
import org.xray.datasets.synthetic.SyntheticImage;
import org.xray.datasets.synthetic.SyntheticRadiographRenderer;

/**
 * DICOM Image Laterality decides the mirroring, end to end from a file dcmtk's {@code img2dcm} made (installed by
 * {@code bin/test}): the same elbow (a part whose image has no laterality cue) as a right and as a left one.
 */
class DicomLateralityTest {

    @TempDir
    Path directory;

    @Test
    void mirrorsARightPartNamedByImageLaterality() throws Exception {
        SyntheticImage elbow = new SyntheticRadiographRenderer(256, NuisanceVariation.FULL)
                .render(BodyPart.XR_ELBOW, Optional.empty(), 77);
        RadiographPreprocessor preprocessor = new RadiographPreprocessor(PreprocessingSettings.defaults());

        PreprocessedRadiograph right = preprocessor.process(dicom(elbow, "R"), BodyPart.XR_ELBOW);
        PreprocessedRadiograph left = preprocessor.process(dicom(elbow, "L"), BodyPart.XR_ELBOW);

        assertThat(step(right, "frame")).containsEntry("laterality", "RIGHT").containsEntry("mirrored", "true");
        assertThat(step(left, "frame")).containsEntry("laterality", "LEFT").containsEntry("mirrored", "false");
        // The right one comes out as the left one mirrored (within the content, which the padding centres to a
        // pixel): far closer to that than to the left one as it is.
        Map<String, String> content = step(left, "resize-pad");
        int offset = Integer.parseInt(content.get("offsetX"));
        int width = Integer.parseInt(content.get("contentWidth"));
        double toMirror = meanDifference(right.image(), left.image(), x -> 2 * offset + width - 1 - x);
        double toSelf = meanDifference(right.image(), left.image(), x -> x);
        assertThat(toMirror).as("mean level difference to the left one mirrored, against %s unmirrored", toSelf)
                .isLessThan(toSelf / 3);
    }

    private static double meanDifference(GrayImage a, GrayImage b, IntUnaryOperator column) {
        double difference = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                int other = column.applyAsInt(x);
                difference += Math.abs(a.level(x, y) - (other >= 0 && other < b.width() ? b.level(other, y) : 0));
            }
        }
        return difference / a.pixels().length;
    }

    private static Map<String, String> step(PreprocessedRadiograph result, String name) {
        return result.steps().stream().filter(step -> step.name().equals(name)).findFirst()
                .map(PreprocessingStep::parameters).orElseThrow();
    }

    private byte[] dicom(SyntheticImage image, String laterality) throws IOException, InterruptedException {
        BufferedImage gray = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setDataElements(0, 0, image.width(), image.height(), image.pixels());
        Path bmp = directory.resolve(laterality + ".bmp");
        Path dcm = directory.resolve(laterality + ".dcm");
        ImageIO.write(gray, "bmp", bmp.toFile());
        Process img2dcm = new ProcessBuilder("img2dcm", "-i", "BMP", "-k", "Modality=CR",
                "-k", "BodyPartExamined=ELBOW", "-k", "ImageLaterality=" + laterality, bmp.toString(), dcm.toString())
                .redirectErrorStream(true).start();
        String output = new String(img2dcm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(img2dcm.waitFor()).as("img2dcm: %s", output).isZero();
        return Files.readAllBytes(dcm);
    }
}
