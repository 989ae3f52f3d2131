package org.xray.datasets.synthetic;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.xray.contracts.BodyPart;

/**
 * Command line: writes a synthetic MURA-layout dataset, printing progress and a summary.
 *
 * <pre>
 * java -cp "libs/xray-datasets/target/classes:$(cat libs/xray-datasets/target/runtime-classpath.txt)" \
 *   org.xray.datasets.synthetic.SyntheticDatasetMain --out /tmp/synthetic-mura --seed 1 --size 256 \
 *   --train-studies 40 --valid-studies 20 --parts all --abnormal-fraction 0.4 --max-images 3
 * </pre>
 */
public final class SyntheticDatasetMain {

    static final String USAGE = """
            usage: SyntheticDatasetMain --out DIR [options]
              --out DIR                 writes DIR/MURA-v1.1 (must not exist or be empty)
              --seed N                  random seed (default 1); the same options give the same bytes
              --size PX                 image width and height, 32..4096 (default 256)
              --train-studies N         train studies per body part (default 40)
              --valid-studies N         valid studies per body part (default 20)
              --parts LIST              comma-separated XR_HAND,XR_WRIST,... or all (default all)
              --abnormal-fraction F     share of abnormal studies per split and part (default 0.4)
              --max-images N            views per study, 1..N with N <= 4 (default 3)
            """;

    private SyntheticDatasetMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit status (0 ok, 1 failed, 2 bad arguments). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        System.setProperty("java.awt.headless", "true");
        Path outDir;
        SyntheticDatasetSpec spec;
        try {
            ParsedArgs parsed = parse(args);
            if (parsed == null) {
                out.print(USAGE);
                return 0;
            }
            outDir = parsed.out();
            spec = parsed.spec();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        out.println("generating " + spec + " under " + outDir.toAbsolutePath());
        try {
            DatasetSummary summary = SyntheticDatasetWriter.write(outDir, spec,
                    new ConsoleProgressListener(out, Duration.ofSeconds(2)));
            out.println(summary.describe());
            return 0;
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    record ParsedArgs(Path out, SyntheticDatasetSpec spec) {
    }

    /** Parses the options; null means help was asked for. */
    static ParsedArgs parse(String[] args) {
        SyntheticDatasetSpec d = SyntheticDatasetSpec.defaults();
        Path out = null;
        long seed = d.seed();
        int size = d.imageSize();
        int train = d.trainStudiesPerPart();
        int valid = d.validStudiesPerPart();
        Set<BodyPart> parts = d.bodyParts();
        double fraction = d.abnormalFraction();
        int maxImages = d.maxImagesPerStudy();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--out" -> out = Path.of(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--size" -> size = Integer.parseInt(value);
                    case "--train-studies" -> train = Integer.parseInt(value);
                    case "--valid-studies" -> valid = Integer.parseInt(value);
                    case "--parts" -> parts = parseParts(value);
                    case "--abnormal-fraction" -> fraction = Double.parseDouble(value);
                    case "--max-images" -> maxImages = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + name + ": '" + value + "' is not a number");
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        return new ParsedArgs(out, new SyntheticDatasetSpec(seed, size, parts, train, valid, fraction, maxImages));
    }

    private static Set<BodyPart> parseParts(String value) {
        if (value.equalsIgnoreCase("all")) {
            return SyntheticDatasetSpec.allParts();
        }
        Set<BodyPart> parts = EnumSet.noneOf(BodyPart.class);
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                parts.add(BodyPart.parse(item));
            }
        }
        return parts;
    }
}
