package org.xray.anomaly.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ScoreImagesTest {

    @Test
    void writesResidualsAsGrayLevelsSaturatingAtOne() throws IOException {
        BufferedImage image = read(ScoreImages.heatMapPng(new float[] {0f, 0.5f, 1f, 2f}, 2));

        assertThat(image.getWidth()).isEqualTo(2);
        assertThat(image.getRaster().getSample(0, 0, 0)).isZero();
        assertThat(image.getRaster().getSample(1, 0, 0)).isEqualTo(128);
        assertThat(image.getRaster().getSample(0, 1, 0)).isEqualTo(255);
        assertThat(image.getRaster().getSample(1, 1, 0)).isEqualTo(255);
    }

    @Test
    void writesTheReconstructionBackInTheZeroTo255Range() throws IOException {
        BufferedImage image = read(ScoreImages.reconstructionPng(new float[] {-1f, 0f, 1f, 3f}, 2));

        assertThat(image.getRaster().getSample(0, 0, 0)).isZero();
        assertThat(image.getRaster().getSample(1, 0, 0)).isEqualTo(128);
        assertThat(image.getRaster().getSample(0, 1, 0)).isEqualTo(255);
        assertThat(image.getRaster().getSample(1, 1, 0)).isEqualTo(255);
    }

    @Test
    void refusesAMapOfTheWrongSize() {
        assertThatThrownBy(() -> ScoreImages.heatMapPng(new float[5], 2))
                .hasMessageContaining("a 2x2 heat map needs 4 values, got 5");
    }

    private static BufferedImage read(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
