package org.xray.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class GrayscalePngTest {

    @Test
    void writesAPngThatAReferenceDecoderReadsBackPixelForPixel() throws IOException {
        int width = 7;
        int height = 5;
        byte[] pixels = new byte[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 37);
        }

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(GrayscalePng.encode(pixels, width, height)));

        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        assertThat(image.getRaster().getNumBands()).isEqualTo(1);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                assertThat(image.getRaster().getSample(x, y, 0)).as("pixel %d,%d", x, y)
                        .isEqualTo(pixels[y * width + x] & 0xff);
            }
        }
    }

    @Test
    void isAWellFormedPngForOurOwnInspector() {
        InspectedImage inspected = ImageInspector.inspect(GrayscalePng.encode(new byte[64 * 64], 64, 64));

        assertThat(inspected.width()).isEqualTo(64);
        assertThat(inspected.height()).isEqualTo(64);
    }

    @Test
    void refusesPixelsThatDoNotFillTheImage() {
        assertThatThrownBy(() -> GrayscalePng.encode(new byte[10], 4, 4))
                .hasMessageContaining("a 4x4 grayscale image needs 16 pixels, got 10");
    }
}
