package org.xray.trainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;

import org.xray.contracts.BodyPart;
import org.xray.datasets.synthetic.ProgressListener;
import org.xray.datasets.synthetic.SyntheticDatasetSpec;
import org.xray.datasets.synthetic.SyntheticDatasetWriter;
import org.xray.trainer.config.TrainerConfig;

/** What the trainer tests share: small datasets, tiny training settings, the test key and a configuration. */
public final class TrainerFixtures {

    /** Tiny networks and schedules: the tests check the commands' plumbing, not learning. */
    public static final Map<String, String> TINY = Map.of("criticWidth", "4", "generatorWidth", "4",
            "encoderWidth", "4",
            "latentSize", "16", "batchSize", "8", "generatorIterations", "2", "encoderIterations", "2");
    /** The %test bundle signing key of application.properties. */
    public static final String KEY_HEX = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
    public static final byte[] KEY = HexFormat.of().parseHex(KEY_HEX);

    private TrainerFixtures() {
    }

    private static final Path SHARED = Path.of("target", "test-datasets", "MURA-v1.1");

    /** Hands, wrists and shoulders, written once per test JVM: 6 train and 6 valid studies each, half abnormal. */
    public static synchronized Path sharedDataset() {
        if (!Files.isDirectory(SHARED)) {
            SyntheticDatasetWriter.write(SHARED, new SyntheticDatasetSpec(3, 64, EnumSet.of(BodyPart.XR_HAND,
                    BodyPart.XR_WRIST, BodyPart.XR_SHOULDER), 6, 6, 0.5, 2), ProgressListener.NONE);
        }
        return SHARED.toAbsolutePath();
    }

    /** Hands only: 6 train and 6 valid studies, half of them abnormal; returns the dataset's directory. */
    public static Path writeHandDataset(Path root) {
        Path dataset = root.resolve("MURA-v1.1");
        SyntheticDatasetWriter.write(dataset, new SyntheticDatasetSpec(3, 64, EnumSet.of(BodyPart.XR_HAND), 6, 6,
                0.5, 2), ProgressListener.NONE);
        return dataset;
    }

    public static TrainerConfig config(Path dataDir) {
        return new TrainerConfig() {
            @Override
            public Path dataDir() {
                return dataDir;
            }

            @Override
            public String bundleSigningKey() {
                return KEY_HEX;
            }

            @Override
            public double promotionMargin() {
                return 0.02;
            }

            @Override
            public boolean resumeJobs() {
                return false;
            }

            @Override
            public int queueCapacity() {
                return 4;
            }

            @Override
            public int publishTimeoutSeconds() {
                return 5;
            }
        };
    }
}
