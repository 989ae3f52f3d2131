package org.xray.imaging.bench;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.xray.contracts.BodyPart;
import org.xray.datasets.synthetic.AnomalyKind;
import org.xray.datasets.synthetic.NuisanceVariation;
import org.xray.datasets.synthetic.SyntheticRadiographRenderer;
import org.xray.datasets.synthetic.SyntheticRendering;
import org.xray.evaluation.RocAuc;
import org.xray.imaging.Equalization;
import org.xray.imaging.Framing;
import org.xray.imaging.GrayImage;
import org.xray.imaging.PreprocessedRadiograph;
import org.xray.imaging.PreprocessingSettings;
import org.xray.imaging.RadiographPreprocessor;
import org.xray.imaging.FramingMeasure;

/**
 * How consistently preprocessing frames each body part, on synthetic FULL-variation radiographs whose ground truth
 * (part mask, pose) the renderer returns. Per part: mean absolute deviation of normal images from their mean image
 * at 64 px (raw levels 0-1, and after standardising each image: contrast-invariant), crop IoU against the true part
 * box (mean, share under 0.9 and 0.8), orientation error and laterality accuracy against the rendered pose, the
 * pixel 1-nearest-neighbour ROC-AUC on a half-abnormal valid set, and milliseconds per image; plus a montage per
 * part (16 inputs over their outputs) under the output directory. A program, not a test.
 *
 * <p>Arguments: {@code [TRAIN] [VALID] [RENDER_SIZE] [OUT_DIR] [FRAMING] [EQUALIZATION] [VARIATION]}, defaults
 * 100 60 512 {@code target/framing} CANONICAL HISTOGRAM FULL; REDUCED variation (fixed pose and exposure) gives the
 * floor that anatomy alone leaves.
 */
public final class FramingBenchmark {

    private static final int SIZE = 64;
    private static final int MONTAGE_CELL = 96;
    private static final int MONTAGE_COLUMNS = 16;

    private FramingBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int train = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int valid = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int renderSize = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        Path out = Path.of(args.length > 3 ? args[3] : "target/framing");
        Framing framing = args.length > 4 ? Framing.valueOf(args[4]) : Framing.CANONICAL;
        Equalization equalization = args.length > 5 ? Equalization.valueOf(args[5]) : Equalization.HISTOGRAM;
        NuisanceVariation variation = args.length > 6 ? NuisanceVariation.valueOf(args[6]) : NuisanceVariation.FULL;
        Files.createDirectories(out);
        PreprocessingSettings settings = PreprocessingSettings.defaults().withSize(SIZE).withFraming(framing)
                .withEqualization(equalization);
        RadiographPreprocessor preprocessor = new RadiographPreprocessor(settings);
        SyntheticRadiographRenderer renderer = new SyntheticRadiographRenderer(renderSize, variation);
        System.out.printf(Locale.ROOT, "framing benchmark: %d train + %d valid %s images per part at %d px, %s%n",
                train, valid, variation, renderSize, settings);
        System.out.println("| part | MAD raw | MAD z | IoU mean | IoU < 0.9 | IoU < 0.8 | angle error mean (deg) "
                + "| angle error > 10 deg | laterality right | 1-NN AUC | ms/image |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        List<Row> rows = new ArrayList<>();
        long started = System.nanoTime();
        BodyPart[] parts = Arrays.stream(BodyPart.values()).filter(p -> p != BodyPart.UNKNOWN).toArray(BodyPart[]::new);
        for (int p = 0; p < parts.length; p++) {
            Row row = measure(parts[p], renderer, preprocessor, train, valid, out);
            rows.add(row);
            System.out.println(row.markdown());
            double elapsed = (System.nanoTime() - started) / 1e9;
            System.err.printf(Locale.ROOT, "  %d/%d parts, %.0f s, ETA %.0f s%n", p + 1, parts.length, elapsed,
                    elapsed / (p + 1) * (parts.length - p - 1));
        }
        System.out.printf(Locale.ROOT, "| mean | %.3f | %.3f | %.3f | %.1f %% | %.1f %% | %.1f | %.1f %% | %.1f %% "
                        + "| %.3f | %.2f |%n",
                rows.stream().mapToDouble(Row::madRaw).average().orElseThrow(),
                rows.stream().mapToDouble(Row::madZ).average().orElseThrow(),
                rows.stream().mapToDouble(Row::iouMean).average().orElseThrow(),
                100 * rows.stream().mapToDouble(Row::iouUnder90).average().orElseThrow(),
                100 * rows.stream().mapToDouble(Row::iouUnder80).average().orElseThrow(),
                rows.stream().mapToDouble(Row::angleError).average().orElseThrow(),
                100 * rows.stream().mapToDouble(Row::angleOver10).average().orElseThrow(),
                100 * rows.stream().mapToDouble(Row::lateralityRight).average().orElseThrow(),
                rows.stream().mapToDouble(Row::nearestNeighbourAuc).average().orElseThrow(),
                rows.stream().mapToDouble(Row::millisPerImage).average().orElseThrow());
    }

    private record Row(BodyPart part, double madRaw, double madZ, double iouMean, double iouUnder90,
                       double iouUnder80, double angleError, double angleOver10, double lateralityRight,
                       double nearestNeighbourAuc, double millisPerImage) {
        String markdown() {
            return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.1f %% | %.1f %% | %.1f | %.1f %% "
                            + "| %.1f %% | %.3f | %.2f |", part, madRaw, madZ, iouMean, 100 * iouUnder90,
                    100 * iouUnder80, angleError, 100 * angleOver10, 100 * lateralityRight, nearestNeighbourAuc,
                    millisPerImage);
        }
    }

    private static Row measure(BodyPart part, SyntheticRadiographRenderer renderer,
                               RadiographPreprocessor preprocessor, int train, int valid, Path out)
            throws IOException {
        List<double[]> normals = new ArrayList<>();
        double[] ious = new double[train];
        double[] angleErrors = new double[train];
        int lateralityRight = 0;
        long nanos = 0;
        BufferedImage montage = new BufferedImage(MONTAGE_COLUMNS * MONTAGE_CELL, 2 * MONTAGE_CELL,
                BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < train; i++) {
            SyntheticRendering rendering = renderer.renderWithMasks(part, Optional.empty(), 1_000_000L + i);
            GrayImage input = gray(rendering);
            long start = System.nanoTime();
            PreprocessedRadiograph result = preprocessor.process(input, part);
            nanos += System.nanoTime() - start;
            normals.add(levels(result.image()));
            FramingMeasure measure = FramingMeasure.of(result, rendering);
            ious[i] = measure.iou();
            angleErrors[i] = measure.angleError();
            lateralityRight += measure.lateralityRight() ? 1 : 0;
            if (i < MONTAGE_COLUMNS) {
                draw(montage, input, i, 0);
                draw(montage, result.image(), i, 1);
            }
        }
        ImageIO.write(montage, "png", out.resolve("framing-" + part.name().toLowerCase(Locale.ROOT) + ".png").toFile());
        double[] scores = new double[valid];
        boolean[] abnormal = new boolean[valid];
        AnomalyKind[] kinds = AnomalyKind.values();
        for (int i = 0; i < valid; i++) {
            abnormal[i] = i % 2 == 1;
            Optional<AnomalyKind> kind = abnormal[i] ? Optional.of(kinds[(i / 2) % kinds.length]) : Optional.empty();
            SyntheticRendering rendering = renderer.renderWithMasks(part, kind, 9_000_000L + i);
            scores[i] = nearestDistance(levels(preprocessor.process(gray(rendering), part).image()), normals);
        }
        double[] sorted = ious.clone();
        Arrays.sort(sorted);
        return new Row(part, meanAbsoluteDeviation(normals, false), meanAbsoluteDeviation(normals, true),
                Arrays.stream(ious).average().orElseThrow(), share(ious, 0.9), share(ious, 0.8),
                Arrays.stream(angleErrors).average().orElseThrow(),
                Arrays.stream(angleErrors).filter(e -> e > 10).count() / (double) train,
                lateralityRight / (double) train, RocAuc.of(scores, abnormal), nanos / 1e6 / train);
    }

    private static double share(double[] values, double under) {
        return Arrays.stream(values).filter(v -> v < under).count() / (double) values.length;
    }

    private static double[] levels(GrayImage image) {
        double[] levels = new double[image.pixels().length];
        for (int i = 0; i < levels.length; i++) {
            levels[i] = (image.pixels()[i] & 0xFF) / 255.0;
        }
        return levels;
    }

    /** Mean absolute deviation from the mean image; {@code standardised}: each image to zero mean, unit variance. */
    private static double meanAbsoluteDeviation(List<double[]> images, boolean standardised) {
        List<double[]> used = standardised ? images.stream().map(FramingBenchmark::standardise).toList() : images;
        double[] mean = new double[used.get(0).length];
        for (double[] image : used) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += image[k] / used.size();
            }
        }
        double total = 0;
        for (double[] image : used) {
            for (int k = 0; k < mean.length; k++) {
                total += Math.abs(image[k] - mean[k]);
            }
        }
        return total / used.size() / mean.length;
    }

    private static double[] standardise(double[] image) {
        double mean = Arrays.stream(image).average().orElseThrow();
        double variance = Arrays.stream(image).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        double deviation = Math.sqrt(variance) + 1e-9;
        return Arrays.stream(image).map(v -> (v - mean) / deviation).toArray();
    }

    private static double nearestDistance(double[] image, List<double[]> normals) {
        double best = Double.MAX_VALUE;
        for (double[] normal : normals) {
            double distance = 0;
            for (int k = 0; k < image.length && distance < best; k++) {
                double d = image[k] - normal[k];
                distance += d * d;
            }
            best = Math.min(best, distance);
        }
        return best;
    }

    private static GrayImage gray(SyntheticRendering rendering) {
        return new GrayImage(rendering.image().width(), rendering.image().height(), rendering.image().pixels());
    }

    private static void draw(BufferedImage montage, GrayImage image, int column, int row) {
        for (int y = 0; y < MONTAGE_CELL; y++) {
            for (int x = 0; x < MONTAGE_CELL; x++) {
                int level = image.level(x * image.width() / MONTAGE_CELL, y * image.height() / MONTAGE_CELL);
                montage.getRaster().setSample(column * MONTAGE_CELL + x, row * MONTAGE_CELL + y, 0, level);
            }
        }
    }
}
