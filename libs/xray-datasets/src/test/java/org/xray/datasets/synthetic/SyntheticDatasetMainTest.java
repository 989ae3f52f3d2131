package org.xray.datasets.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xray.contracts.BodyPart;
import org.xray.datasets.mura.MuraDataset;
import org.xray.datasets.mura.Split;

class SyntheticDatasetMainTest {

    @TempDir
    Path tmp;

    @Test
    void generatesADatasetAndPrintsProgressAndSummary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SyntheticDatasetMain.run(new String[] {"--out", tmp.toString(), "--seed", "3", "--size", "48",
                        "--train-studies", "2", "--valid-studies", "1", "--parts", "XR_WRIST,hand",
                        "--abnormal-fraction", "0.5", "--max-images", "1"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("images/s").contains("6/6 images (100%)").contains("wrote ");
        MuraDataset dataset = MuraDataset.open(tmp);
        assertThat(dataset.images(Split.TRAIN)).hasSize(4)
                .allMatch(i -> i.bodyPart() == BodyPart.XR_WRIST || i.bodyPart() == BodyPart.XR_HAND);
        assertThat(dataset.images(Split.VALID)).hasSize(2);
    }

    @Test
    void badArgumentsGiveUsageAndStatusTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThat(SyntheticDatasetMain.run(new String[] {"--seed", "1"}, out, errStream)).isEqualTo(2);
        assertThat(SyntheticDatasetMain.run(new String[] {"--out", "x", "--parts", "XR_KNEE"}, out, errStream)).isEqualTo(2);
        assertThat(SyntheticDatasetMain.run(new String[] {"--out", "x", "--size", "big"}, out, errStream)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out DIR is required").contains("unknown body part")
                .contains("usage:");
    }
}
