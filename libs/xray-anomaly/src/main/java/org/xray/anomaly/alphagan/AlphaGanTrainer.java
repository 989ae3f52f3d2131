package org.xray.anomaly.alphagan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.xray.anomaly.gan.Sampling;
import org.xray.anomaly.nn.ImageTensors;
import org.xray.anomaly.training.Phase;
import org.xray.anomaly.training.PhaseClock;
import org.xray.anomaly.training.TrainingImages;
import org.xray.anomaly.training.TrainingListener;
import org.xray.anomaly.training.TrainingProgress;

/**
 * Trains an alpha-GAN on normal images: {@link AlphaGanConfig#iterations} steps of {@link AlphaGanStep} (E and G,
 * then D, then C), then scores {@link AlphaGanConfig#calibrationBatches} further training batches to standardise the
 * four scores. Progress is reported as phase {@link Phase#GAN} (alpha-GAN has a single phase).
 *
 * <p>Runs are reproducible: weights, prior codes and batch indices derive from the seed and the iteration.
 * Single-threaded. An interrupted thread stops training after the current step with a {@link CancellationException};
 * a loss that is no longer finite stops it with an {@link IllegalStateException}.
 */
public final class AlphaGanTrainer {

    private static final int STREAM_PRIOR = 0;

    private final AlphaGanConfig config;

    public AlphaGanTrainer(AlphaGanConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public AlphaGanModel train(TrainingImages images, TrainingListener listener) {
        MultiLayerNetwork encoder = AlphaGanNetworks.encoder(config);
        MultiLayerNetwork generator = AlphaGanNetworks.generator(config);
        MultiLayerNetwork discriminator = AlphaGanNetworks.discriminator(config);
        MultiLayerNetwork codeDiscriminator = AlphaGanNetworks.codeDiscriminator(config);
        AlphaGanStep step = new AlphaGanStep(encoder, generator, discriminator, codeDiscriminator,
                config.reconstructionWeight());
        Sampling sampling = new Sampling(config.seed(), config.dataType());
        int n = config.batchSize();
        PhaseClock clock = new PhaseClock(0, config.iterations(), n);
        for (int iteration = 0; iteration < config.iterations(); iteration++) {
            AlphaGanLosses losses = step.step(batch(images, iteration),
                    sampling.latent(iteration, STREAM_PRIOR, n, config.latentSize()), iteration);
            if (!losses.allFinite()) {
                throw new IllegalStateException("alpha-GAN training diverged at iteration " + (iteration + 1) + ": "
                        + losses);
            }
            int done = iteration + 1;
            listener.onIteration(new TrainingProgress(Phase.GAN, done, config.iterations(), losses.named(),
                    clock.imagesPerSecond(done), clock.remaining(done)));
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("training interrupted after alpha-GAN iteration " + done);
            }
        }
        listener.onPhaseFinished(Phase.GAN);
        AlphaGanModel model = new AlphaGanModel(config, encoder, generator, discriminator, codeDiscriminator,
                ScoreStandardisation.IDENTITY);
        return model.withStandardisation(calibrate(model, images));
    }

    /** Score statistics on training batches that follow the ones trained on. */
    private ScoreStandardisation calibrate(AlphaGanModel model, TrainingImages images) {
        List<double[]> raw = new ArrayList<>();
        for (int i = 0; i < config.calibrationBatches(); i++) {
            for (AlphaGanModel.RawScores scores : model.rawScores(
                    images.batch((long) config.iterations() + i, config.batchSize()))) {
                raw.add(scores.values());
            }
        }
        return ScoreStandardisation.of(raw);
    }

    private INDArray batch(TrainingImages images, long index) {
        return ImageTensors.toTensor(images.batch(index, config.batchSize()), config.imageSize(), config.dataType());
    }
}
