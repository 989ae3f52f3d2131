package org.xray.anomaly.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.xray.anomaly.SyntheticRadiographs;
import org.xray.anomaly.fanogan.FAnoGanConfig;
import org.xray.anomaly.fanogan.FAnoGanModel;
import org.xray.anomaly.fanogan.FAnoGanNetworks;
import org.xray.anomaly.fanogan.FAnoGanTrainer;
import org.xray.anomaly.nn.ComputeCost;
import org.xray.anomaly.nn.ImageTensors;
import org.xray.anomaly.nn.NativeThreads;
import org.xray.anomaly.training.TrainingListener;
import org.xray.contracts.BodyPart;
import org.xray.imaging.GrayImage;

/**
 * Serving-side scoring of f-AnoGAN (DESIGN.md section 7), in one run: the ND4J GEMM ceiling (before and after);
 * images/s of {@link FAnoGanModel#score} at 64x64 for batch 1-64 with one worker using every core, with one worker per
 * core (each with its own {@link FAnoGanModel#copy()} and one OpenMP thread), and with one worker per core each using
 * every core; a per-network profile at batch 1 and 32; and latency percentiles at a fixed open-loop load with
 * micro-batching. The model is untrained: throughput does not depend on the weights. See docs/BENCHMARKS.md for the
 * command.
 *
 * <p>Arguments: seconds per measurement (default 5), seconds of each latency run (30), offered load as a fraction of
 * the best measured throughput (0.5).
 */
public final class ScoringBenchmark {

    private static final int[] BATCH_SIZES = {1, 2, 4, 8, 16, 32, 64};
    private static final int[] PROFILE_BATCHES = {1, 32};
    private static final int MAX_MICRO_BATCH = 32;
    // warm-up before each measurement, as a fraction of its length (as in FAnoGanBenchmark.secondsPer)
    private static final double WARM_UP = 0.2;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final List<Setting> SETTINGS = List.of(new Setting(1, CORES), new Setting(CORES, 1),
            new Setting(CORES, CORES));
    // the two ways to serve; CORES x CORES only shows what oversubscribing the cores costs
    private static final List<Setting> LATENCY_SETTINGS = SETTINGS.subList(0, 2);

    private ScoringBenchmark() {
    }

    /** {@code workers} threads, each scoring with its own model copy and {@code threadsEach} OpenMP threads. */
    private record Setting(int workers, int threadsEach) {
        @Override
        public String toString() {
            return workers + " worker" + (workers > 1 ? "s" : "") + " x " + threadsEach + " thread"
                    + (threadsEach > 1 ? "s" : "");
        }
    }

    private record Request(GrayImage image, long offeredNanos) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int latencySeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        double load = args.length > 2 ? Double.parseDouble(args[2]) : 0.5;
        double measured = withWarmUp(seconds);
        Progress progress = new Progress(measured * (2 + SETTINGS.size() * BATCH_SIZES.length
                + 4 * PROFILE_BATCHES.length) + LATENCY_SETTINGS.size() * latencySeconds);
        // Nd4j.factory() also loads the backend, which NativeOpsHolder (useEveryCore) needs first
        System.out.printf(Locale.ROOT, "cores %d, OMP_NUM_THREADS=%s, BLAS threads at start %d%n", CORES,
                System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)"), Nd4j.factory().blas().getMaxThreads());

        useEveryCore();
        double ceilingBefore = ComputeCost.gemmGflops(2048, Duration.ofSeconds(seconds));
        progress.done(measured, String.format(Locale.ROOT, "GEMM 2048x2048 FLOAT: %.1f GFLOP/s", ceilingBefore));

        FAnoGanConfig config = FAnoGanConfig.published().withIterations(0, 0);
        FAnoGanModel model = new FAnoGanTrainer(config).train((index, size) -> List.of(), TrainingListener.NONE);
        MultiLayerNetwork encoder = FAnoGanNetworks.encoder(config);
        MultiLayerNetwork generator = FAnoGanNetworks.foldedGenerator(config);
        MultiLayerNetwork features = FAnoGanNetworks.criticFeatures(config);
        int size = config.imageSize();
        double encoderFlops = ComputeCost.forwardFlops(encoder, 1, 1, size, size);
        double generatorFlops = ComputeCost.forwardFlops(generator, 1, config.latentSize());
        // f runs on x and on G(E(x))
        double featureFlops = 2 * ComputeCost.forwardFlops(features, 1, 1, size, size);
        double flopsPerImage = encoderFlops + generatorFlops + featureFlops;
        System.out.printf(Locale.ROOT, "scoring path per image: E %.3f + G %.3f + f twice %.3f = %.3f GFLOP%n",
                encoderFlops / 1e9, generatorFlops / 1e9, featureFlops / 1e9, flopsPerImage / 1e9);

        List<GrayImage> images = new SyntheticRadiographs(BodyPart.XR_HAND, size, false).normals(1, 64);
        List<FAnoGanModel> models = new ArrayList<>();
        models.add(model);
        while (models.size() < CORES) {
            models.add(model.copy());
        }
        ExecutorService pool = Executors.newFixedThreadPool(CORES + 1);
        double[][] rates = new double[SETTINGS.size()][BATCH_SIZES.length];
        double best = 0;
        for (int s = 0; s < SETTINGS.size(); s++) {
            for (int b = 0; b < BATCH_SIZES.length; b++) {
                rates[s][b] = throughput(pool, models, SETTINGS.get(s), images.subList(0, BATCH_SIZES[b]), seconds,
                        progress);
                progress.done(measured, String.format(Locale.ROOT, "%s, batch %d: %.1f images/s = %.1f GFLOP/s",
                        SETTINGS.get(s), BATCH_SIZES[b], rates[s][b], rates[s][b] * flopsPerImage / 1e9));
                best = Math.max(best, rates[s][b]);
            }
        }

        useEveryCore();
        for (int batchSize : PROFILE_BATCHES) {
            profile(model, encoder, generator, features, images.subList(0, batchSize), seconds, progress,
                    new double[] {encoderFlops, generatorFlops, featureFlops, flopsPerImage});
        }

        double offered = load * best;
        for (Setting setting : LATENCY_SETTINGS) {
            latency(pool, models, setting, images, offered, latencySeconds, progress);
        }
        pool.shutdown();

        useEveryCore();
        double ceilingAfter = ComputeCost.gemmGflops(2048, Duration.ofSeconds(seconds));
        progress.done(measured, String.format(Locale.ROOT, "GEMM 2048x2048 FLOAT: %.1f GFLOP/s", ceilingAfter));
        // the higher of the two is the one less disturbed by other load, so the percentages are not flattered
        double ceiling = Math.max(ceilingBefore, ceilingAfter);
        System.out.printf(Locale.ROOT, "%nimages/s (%% of the %.1f GFLOP/s ceiling at %.3f GFLOP per image)%n",
                ceiling, flopsPerImage / 1e9);
        System.out.printf(Locale.ROOT, "| batch | %s |%n", String.join(" | ",
                SETTINGS.stream().map(Setting::toString).toList()));
        System.out.printf(Locale.ROOT, "|---|%s%n", "---|".repeat(SETTINGS.size()));
        for (int b = 0; b < BATCH_SIZES.length; b++) {
            StringBuilder row = new StringBuilder("| " + BATCH_SIZES[b] + " |");
            for (int s = 0; s < SETTINGS.size(); s++) {
                row.append(String.format(Locale.ROOT, " %.1f (%.0f%%) |", rates[s][b],
                        percent(rates[s][b], flopsPerImage, ceiling)));
            }
            System.out.println(row);
        }
    }

    /** Images/s of {@code setting}'s workers scoring {@code batch} over and over, all at once. */
    private static double throughput(ExecutorService pool, List<FAnoGanModel> models, Setting setting,
                                     List<GrayImage> batch, int seconds, Progress progress) throws Exception {
        useThreads(setting.threadsEach());
        long warmUpEnd = System.nanoTime() + (long) (WARM_UP * seconds * 1e9);
        long end = warmUpEnd + seconds * 1_000_000_000L;
        AtomicLong scored = new AtomicLong();
        List<Future<Double>> workers = new ArrayList<>();
        for (int w = 0; w < setting.workers(); w++) {
            FAnoGanModel model = models.get(w);
            workers.add(pool.submit(() -> {
                NativeThreads.limitCurrentThread(setting.threadsEach());
                do {
                    model.score(batch);
                } while (System.nanoTime() < warmUpEnd);
                long start = System.nanoTime();
                long images = 0;
                do {
                    model.score(batch);
                    images += batch.size();
                    scored.addAndGet(batch.size());
                } while (images < 3L * batch.size() || System.nanoTime() < end);
                return images / ((System.nanoTime() - start) / 1e9);
            }));
        }
        String name = setting + ", batch " + batch.size();
        while (!allDone(workers)) {
            Thread.sleep(100);
            double elapsed = (System.nanoTime() - warmUpEnd) / 1e9;
            if (elapsed > 0) {
                progress.tick(WARM_UP * seconds + elapsed, () -> String.format(Locale.ROOT,
                        "%s: %.1f images/s so far", name, scored.get() / elapsed));
            }
        }
        double rate = 0;
        for (Future<Double> worker : workers) {
            rate += worker.get();
        }
        return rate;
    }

    /**
     * Per-call time of each network's forward and of the whole {@code score()} for one batch, on the calling thread;
     * {@code flops} per image of E, G, f twice and the whole path.
     */
    private static void profile(FAnoGanModel model, MultiLayerNetwork encoder, MultiLayerNetwork generator,
                                MultiLayerNetwork features, List<GrayImage> images, int seconds, Progress progress,
                                double[] flops) {
        FAnoGanConfig config = model.config();
        INDArray batch = ImageTensors.toTensor(images, config.imageSize(), config.dataType());
        INDArray latent = encoder.output(batch, false);
        INDArray reconstructions = generator.output(latent, false);
        String[] names = {"E forward", "G forward (BN folded)", "f forward on x and G(E(x))", "score()"};
        List<Runnable> calls = List.of(() -> encoder.output(batch, false), () -> generator.output(latent, false),
                () -> {
                    features.output(batch, false);
                    features.output(reconstructions, false);
                }, () -> model.score(images));
        double[] perCall = new double[calls.size()];
        for (int i = 0; i < calls.size(); i++) {
            perCall[i] = ComputeCost.secondsPer(calls.get(i), Duration.ofSeconds(seconds));
            progress.done(withWarmUp(seconds), String.format(Locale.ROOT, "profile, 1 worker x %d threads, batch %d, "
                    + "%s: %.1f ms = %.1f GFLOP/s", CORES, images.size(), names[i], perCall[i] * 1e3,
                    images.size() * flops[i] / perCall[i] / 1e9));
        }
        System.out.printf(Locale.ROOT, "profile, batch %d: score() takes %.2f x the sum of its three forwards%n",
                images.size(), perCall[3] / (perCall[0] + perCall[1] + perCall[2]));
    }

    /**
     * Open loop: images are offered on a fixed schedule whatever the scorers do, and latency runs from the scheduled
     * offer time (so a late generator does not hide queueing) to the end of the score call that included the image.
     */
    private static void latency(ExecutorService pool, List<FAnoGanModel> models, Setting setting,
                                List<GrayImage> images, double rate, int seconds, Progress progress)
            throws Exception {
        useThreads(setting.threadsEach());
        System.out.printf(Locale.ROOT, "latency, %s: offering %.1f images/s for %d s, micro-batches up to %d%n",
                setting, rate, seconds, MAX_MICRO_BATCH);
        int total = (int) Math.ceil(rate * seconds);
        BlockingQueue<Request> queue = new ArrayBlockingQueue<>(total);
        long[] latencies = new long[total];
        AtomicLong completed = new AtomicLong();
        AtomicLong batches = new AtomicLong();
        long start = System.nanoTime() + 100_000_000L;
        List<Future<Long>> scorers = new ArrayList<>();
        for (int w = 0; w < setting.workers(); w++) {
            FAnoGanModel model = models.get(w);
            scorers.add(pool.submit(() -> {
                NativeThreads.limitCurrentThread(setting.threadsEach());
                List<Request> taken = new ArrayList<>(MAX_MICRO_BATCH);
                long lastDone = 0;
                while (completed.get() < total) {
                    Request first = queue.poll(50, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    taken.add(first);
                    queue.drainTo(taken, MAX_MICRO_BATCH - 1);
                    model.score(taken.stream().map(Request::image).toList());
                    lastDone = System.nanoTime();
                    for (Request request : taken) {
                        latencies[(int) completed.getAndIncrement()] = lastDone - request.offeredNanos();
                    }
                    batches.incrementAndGet();
                    taken.clear();
                }
                return lastDone;
            }));
        }
        Future<?> generator = pool.submit(() -> {
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * 1e9 / rate);
                LockSupport.parkNanos(due - System.nanoTime());
                queue.add(new Request(images.get(i % images.size()), due));
            }
        });
        while (!allDone(scorers)) {
            Thread.sleep(100);
            double elapsed = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
            progress.tick(elapsed, () -> String.format(Locale.ROOT, "latency run: %d of %d scored, %.1f images/s, "
                    + "queue %d", completed.get(), total, completed.get() / elapsed, queue.size()));
        }
        generator.get();
        long lastDone = 0;
        for (Future<Long> scorer : scorers) {
            lastDone = Math.max(lastDone, scorer.get());
        }
        // completions are not in offer order across workers, so sort the latencies themselves
        Arrays.sort(latencies);
        progress.done(seconds, String.format(Locale.ROOT, "latency, %s, %.1f images/s offered: p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms; achieved %.1f images/s, mean micro-batch %.1f", setting, rate,
                latencies[total / 2] / 1e6, latencies[(int) (total * 0.99)] / 1e6, latencies[total - 1] / 1e6,
                total / ((lastDone - start) / 1e9), (double) total / batches.get()));
    }

    /** The ceiling and the profile use every core, whatever OMP_NUM_THREADS says. */
    private static void useEveryCore() {
        useThreads(CORES);
        NativeThreads.limitCurrentThread(CORES);
    }

    /**
     * The OpenMP thread count (oneDNN's convolutions) is per calling thread in libgomp, so each worker sets its own
     * with {@link #useOwnThreads}; OpenBLAS (the dense layers) has one global count.
     */
    private static void useThreads(int threads) {
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    private static double withWarmUp(int seconds) {
        return (1 + WARM_UP) * seconds;
    }

    private static boolean allDone(List<? extends Future<?>> futures) {
        return futures.stream().allMatch(Future::isDone);
    }

    private static double percent(double imagesPerSecond, double flopsPerImage, double ceiling) {
        return 100 * imagesPerSecond * flopsPerImage / 1e9 / ceiling;
    }

    /** Progress lines with elapsed time and the planned time left; a tick prints at most every 5 s. */
    private static final class Progress {
        private final double planned;
        private final long start = System.nanoTime();
        private double plannedDone;
        private long lastLine = start;

        Progress(double plannedSeconds) {
            this.planned = plannedSeconds;
        }

        void tick(double stepElapsed, Supplier<String> message) {
            if (System.nanoTime() - lastLine >= 5_000_000_000L) {
                print(plannedDone + stepElapsed, message.get());
            }
        }

        void done(double stepPlanned, String message) {
            plannedDone += stepPlanned;
            print(plannedDone, message);
        }

        private void print(double plannedSoFar, String message) {
            lastLine = System.nanoTime();
            System.out.printf(Locale.ROOT, "[%4.0f s, ETA %4.0f s] %s%n", (lastLine - start) / 1e9,
                    Math.max(0, planned - plannedSoFar), message);
        }
    }
}
