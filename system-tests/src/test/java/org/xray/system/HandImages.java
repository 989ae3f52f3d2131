package org.xray.system;

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
 * seconds reconstructs hands at all. The abnormal image is a finger radiograph sent as a hand: far out of the hand
 * model's distribution, which even a model trained for seconds scores well above a hand. Subtler anomalies are not
 * separated by such a model: neither the generator's own (a few dozen pixels at 64 x 64) nor a metal plate drawn over
 * a metacarpal, which canonical framing and histogram equalisation of the part turn into a hand with bright bone.
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
        return png(gray(renderer.render(BodyPart.XR_FINGER, Optional.empty(), TEST_IMAGE_SEED)));
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
