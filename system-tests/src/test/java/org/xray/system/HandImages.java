package org.xray.system;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import javax.imageio.ImageIO;

import org.xray.contracts.BodyPart;
import org.xray.datasets.synthetic.AnomalyKind;
import org.xray.datasets.synthetic.NuisanceVariation;
import org.xray.datasets.synthetic.SyntheticImage;
import org.xray.datasets.synthetic.SyntheticRadiographRenderer;

/**
 * Synthetic hand radiographs as PNG files, as a PACS would send them: the tiny model's training images and the two
 * images the tests upload.
 *
 * <p>Rendered with {@link NuisanceVariation#REDUCED} (fixed pose and exposure), so that a model trained for a few
 * seconds reconstructs hands at all. The abnormal image is the normal one with a large metal plate and screws drawn
 * over the middle metacarpal: the generator's own anomalies are a few dozen pixels at 64 x 64, which such a model
 * cannot tell from its reconstruction error, while the plate changes the score by far more than any rounding.
 */
final class HandImages {

    private static final int RENDER_SIZE = 256;
    private static final long TEST_IMAGE_SEED = 424242;
    private static final long FIRST_TRAINING_SEED = 1000;
    private static final long FIRST_VALIDATION_SEED = 2000;

    private final SyntheticRadiographRenderer renderer =
            new SyntheticRadiographRenderer(RENDER_SIZE, NuisanceVariation.REDUCED);

    byte[] normalTestImage() {
        return png(normalTestHand());
    }

    byte[] abnormalTestImage() {
        BufferedImage image = normalTestHand();
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int width = RENDER_SIZE / 9;
        int length = RENDER_SIZE / 2;
        int left = (RENDER_SIZE - width) / 2;
        int top = (RENDER_SIZE - length) / 2;
        g.setColor(new Color(250, 250, 250));
        g.fillRoundRect(left, top, width, length, width / 2, width / 2);
        g.setColor(new Color(200, 200, 200));
        for (int screw = 1; screw <= 4; screw++) {
            g.fillOval(left + width / 4, top + screw * length / 5 - width / 4, width / 2, width / 2);
        }
        g.dispose();
        return png(image);
    }

    /** Normal hands of other seeds than the test images. */
    List<byte[]> normalTrainingImages(int count) {
        return LongStream.range(FIRST_TRAINING_SEED, FIRST_TRAINING_SEED + count)
                .mapToObj(seed -> png(gray(renderer.render(BodyPart.XR_HAND, Optional.empty(), seed))))
                .toList();
    }

    /**
     * Held-out hands for the model's validation figures: {@code perClass} normal ones and as many with the generator's
     * own anomalies (fracture, hardware, lytic lesion, joint-space loss in turn), each labelled.
     */
    List<LabelledImage> validationImages(int perClass) {
        AnomalyKind[] kinds = AnomalyKind.values();
        return IntStream.range(0, 2 * perClass).mapToObj(i -> {
            Optional<AnomalyKind> anomaly = i < perClass ? Optional.empty() : Optional.of(kinds[i % kinds.length]);
            SyntheticImage image = renderer.render(BodyPart.XR_HAND, anomaly, FIRST_VALIDATION_SEED + i);
            return new LabelledImage(png(gray(image)), anomaly.isPresent());
        }).toList();
    }

    record LabelledImage(byte[] png, boolean abnormal) {
    }

    private BufferedImage normalTestHand() {
        return gray(renderer.render(BodyPart.XR_HAND, Optional.empty(), TEST_IMAGE_SEED));
    }

    private static BufferedImage gray(SyntheticImage image) {
        BufferedImage gray = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setDataElements(0, 0, image.width(), image.height(), image.pixels());
        return gray;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG in memory", e);
        }
        return out.toByteArray();
    }
}
