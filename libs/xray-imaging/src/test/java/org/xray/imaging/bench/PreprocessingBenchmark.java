package org.xray.imaging.bench;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.getNumThreads;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.RotatedRect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size2f;
import org.xray.contracts.BodyPart;
import org.xray.imaging.GrayImage;
import org.xray.imaging.PreprocessedRadiograph;
import org.xray.imaging.PreprocessingSettings;
import org.xray.imaging.RadiographPreprocessor;

/**
 * Images per second through {@link RadiographPreprocessor} with default settings (canonical framing of a forearm,
 * resize-pad, part mask, histogram equalisation), for 512x512 and 2048x2048 inputs to 64 and 128 outputs; from encoded PNG bytes (decode included) and from
 * an already decoded {@link GrayImage} (decode excluded), with one caller thread and with one per core sharing one
 * preprocessor. A program, not a test: it lives with the test sources so it never ships. Run it with
 * {@code mvn -q -pl libs/xray-imaging test-compile exec:java [-Dexec.args="SECONDS"]} (default 3 s per case).
 */
public final class PreprocessingBenchmark {

    private PreprocessingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        int cores = Runtime.getRuntime().availableProcessors();
        // Load from other processes skews every figure; print it so that a reader can judge the run.
        System.out.printf(Locale.ROOT, "cores=%d opencvThreads=%d java=%s secondsPerCase=%.1f loadAverage=%.2f%n",
                cores, getNumThreads(), System.getProperty("java.version"), seconds, loadAverage());
        List<String> rows = new ArrayList<>();
        for (int input : new int[] {512, 2048}) {
            GrayImage raw = syntheticRadiograph(input);
            byte[] png = png(raw);
            System.out.printf(Locale.ROOT, "input %dx%d: PNG %d KiB%n", input, input, png.length / 1024);
            for (int output : new int[] {64, 128}) {
                RadiographPreprocessor preprocessor =
                        new RadiographPreprocessor(PreprocessingSettings.defaults().withSize(output));
                for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
                    rows.add(run(input, output, "PNG bytes", threads, seconds, () -> preprocessor.process(png, BodyPart.XR_FOREARM)));
                    rows.add(run(input, output, "GrayImage", threads, seconds, () -> preprocessor.process(raw, BodyPart.XR_FOREARM)));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nloadAverage at the end=%.2f%n", loadAverage());
        System.out.println("| input | output | from | caller threads | images/s | ms/image (per thread) |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String run(int input, int output, String from, int threads, double seconds,
                              Supplier<PreprocessedRadiograph> work) throws Exception {
        String name = String.format(Locale.ROOT, "%dx%d -> %d, %s, %d thread(s)", input, input, output, from,
                threads);
        measure(name + " warm-up", threads, seconds / 2, work);
        double[] result = measure(name, threads, seconds, work);
        double perSecond = result[0] / result[1];
        return String.format(Locale.ROOT, "| %dx%d | %d | %s | %d | %.1f | %.2f |", input, input, output, from,
                threads, perSecond, 1000.0 * threads / perSecond);
    }

    /** @return {images, seconds} */
    private static double[] measure(String name, int threads, double seconds, Supplier<PreprocessedRadiograph> work)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            List<Future<Long>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    long done = 0;
                    long nextReport = System.nanoTime() + 1_000_000_000L;
                    while (System.nanoTime() < end) {
                        work.get();
                        done++;
                        if (System.nanoTime() > nextReport && threads == 1) {
                            double elapsed = (System.nanoTime() - start) / 1e9;
                            System.out.printf(Locale.ROOT, "  %s: %d images in %.1f s (%.1f/s)%n", name, done,
                                    elapsed, done / elapsed);
                            nextReport += 1_000_000_000L;
                        }
                    }
                    return done;
                }));
            }
            long images = 0;
            for (Future<Long> worker : workers) {
                images += worker.get();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %d images in %.2f s = %.1f images/s%n", name, images, elapsed,
                    images / elapsed);
            return new double[] {images, elapsed};
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A tilted radiograph-like region (soft tissue, two bones, noise) filling about 40% of a black square, with a
     * collimation band and a marker: the work a real scan causes, crop included.
     */
    private static GrayImage syntheticRadiograph(int side) {
        try (PointerScope scope = new PointerScope()) {
            Mat canvas = new Mat(side, side, CV_8UC1, new Scalar(0));
            Point2f centre = new Point2f(side * 0.52f, side * 0.5f);
            RotatedRect tissue = new RotatedRect(centre, new Size2f(side * 0.45f, side * 0.8f), 15);
            ellipse(canvas, tissue, new Scalar(110), FILLED, LINE_8);
            ellipse(canvas, new RotatedRect(centre, new Size2f(side * 0.12f, side * 0.6f), 15), new Scalar(210),
                    FILLED, LINE_8);
            rectangle(canvas, new Point(0, 0), new Point(side - 1, side - 1), new Scalar(255), side / 16, LINE_8, 0);
            putText(canvas, "L", new Point(side / 10, side - side / 10), FONT_HERSHEY_SIMPLEX, side / 200.0,
                    new Scalar(255), Math.max(1, side / 100), LINE_8, false);
            byte[] pixels = new byte[side * side];
            canvas.data().get(pixels);
            Random random = new Random(side);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (byte) Math.max(0, Math.min(255, (pixels[i] & 0xFF) + random.nextInt(13) - 6));
            }
            return new GrayImage(side, side, pixels);
        }
    }

    private static byte[] png(GrayImage image) {
        try (PointerScope scope = new PointerScope()) {
            Mat mat = new Mat(image.height(), image.width(), CV_8UC1);
            mat.data().put(image.pixels());
            BytePointer buffer = new BytePointer();
            imencode(".png", mat, buffer);
            byte[] bytes = new byte[(int) buffer.limit()];
            buffer.get(bytes);
            return bytes;
        }
    }
}
