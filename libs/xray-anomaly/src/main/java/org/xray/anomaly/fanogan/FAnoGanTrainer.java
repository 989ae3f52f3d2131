package org.xray.anomaly.fanogan;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.xray.anomaly.gan.CriticStep;
import org.xray.anomaly.gan.GradientPenalty;
import org.xray.anomaly.gan.Sampling;
import org.xray.anomaly.gan.WganGp;
import org.xray.anomaly.nn.ImageTensors;
import org.xray.anomaly.training.Checkpoint;
import org.xray.anomaly.training.Phase;
import org.xray.anomaly.training.PhaseClock;
import org.xray.anomaly.training.TrainingImages;
import org.xray.anomaly.training.TrainingListener;
import org.xray.anomaly.training.TrainingProgress;

/**
 * Trains an f-AnoGAN in two phases: WGAN-GP on normal images ({@link FAnoGanConfig#generatorIterations} generator
 * steps, each after {@link FAnoGanConfig#criticIterations} critic steps), then the izi_f encoder with G and D frozen.
 *
 * <p>With a checkpoint directory, the state is saved every {@code checkpointEvery} iterations and at the end of each
 * phase, and {@link #train} resumes from a checkpoint found there. Runs are reproducible: weights, latent codes,
 * interpolation factors and batch indices all derive from the seed and the iteration. An interrupted thread stops
 * training after the current iteration (checkpointing first) with a {@link CancellationException}.
 */
public final class FAnoGanTrainer {

    private static final String GENERATOR = "generator";
    private static final String CRITIC = "critic";
    private static final String ENCODER = "encoder";
    private static final int STREAM_CRITIC_LATENT = 0;
    private static final int STREAM_ALPHA = 1;
    private static final int STREAM_GENERATOR_LATENT = 2;

    private final FAnoGanConfig config;
    private final Optional<Path> checkpointDirectory;
    private final int checkpointEvery;

    private FAnoGanTrainer(FAnoGanConfig config, Optional<Path> checkpointDirectory, int checkpointEvery) {
        this.config = Objects.requireNonNull(config, "config");
        this.checkpointDirectory = checkpointDirectory;
        this.checkpointEvery = checkpointEvery;
    }

    public FAnoGanTrainer(FAnoGanConfig config) {
        this(config, Optional.empty(), Integer.MAX_VALUE);
    }

    /** Checkpoints to (and resumes from) {@code directory} every {@code every} iterations and after each phase. */
    public FAnoGanTrainer withCheckpoints(Path directory, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1, was " + every);
        }
        return new FAnoGanTrainer(config, Optional.of(directory), every);
    }

    public FAnoGanModel train(TrainingImages images, TrainingListener listener) {
        Checkpoint start = checkpointDirectory.flatMap(dir -> Checkpoint.load(dir, List.of(GENERATOR, CRITIC, ENCODER)))
                .orElseGet(this::freshState);
        State state = new State(start);
        trainGan(images, listener, state);
        trainEncoder(images, listener, state);
        return new FAnoGanModel(config, state.generator, state.critic, state.encoder);
    }

    private Checkpoint freshState() {
        return new Checkpoint(0, 0, Map.of(GENERATOR, FAnoGanNetworks.generator(config),
                CRITIC, FAnoGanNetworks.critic(config), ENCODER, FAnoGanNetworks.encoder(config)));
    }

    private void trainGan(TrainingImages images, TrainingListener listener, State state) {
        if (state.ganIterations >= config.generatorIterations()) {
            return;
        }
        Sampling sampling = new Sampling(config.seed(), config.dataType());
        WganGp gan = new WganGp(state.generator, state.critic, new GradientPenalty(config.gradientPenaltyWeight()));
        int n = config.batchSize();
        int criticSteps = config.criticIterations();
        PhaseClock clock = new PhaseClock(state.ganIterations, config.generatorIterations(), criticSteps * n);
        while (state.ganIterations < config.generatorIterations()) {
            int iteration = state.ganIterations;
            CriticStep critic = null;
            INDArray real = null;
            for (int k = 0; k < criticSteps; k++) {
                long step = (long) iteration * criticSteps + k;
                real = batch(images, step);
                critic = gan.criticStep(real, sampling.latent(step, STREAM_CRITIC_LATENT, n, config.latentSize()),
                        sampling.uniform(step, STREAM_ALPHA, n), (int) step);
            }
            double wasserstein = gan.wassersteinEstimate(real,
                    sampling.latent(iteration, STREAM_GENERATOR_LATENT, n, config.latentSize()));
            double generatorLoss = gan.generatorStep(
                    sampling.latent(iteration, STREAM_GENERATOR_LATENT, n, config.latentSize()), iteration);
            state.ganIterations++;
            Map<String, Double> losses = new LinkedHashMap<>();
            losses.put("critic", critic.penalty() - wasserstein);
            losses.put("wasserstein", wasserstein);
            losses.put("penalty", critic.penalty());
            losses.put("gradNorm", critic.meanGradientNorm());
            losses.put("generator", generatorLoss);
            listener.onIteration(new TrainingProgress(Phase.GAN, state.ganIterations, config.generatorIterations(),
                    losses, clock.imagesPerSecond(state.ganIterations), clock.remaining(state.ganIterations)));
            afterIteration(Phase.GAN, state.ganIterations, config.generatorIterations(), state, listener);
        }
        listener.onPhaseFinished(Phase.GAN);
    }

    private void trainEncoder(TrainingImages images, TrainingListener listener, State state) {
        if (state.encoderIterations >= config.encoderIterations()) {
            return;
        }
        IzifEncoderTraining training = new IzifEncoderTraining(state.encoder,
                FAnoGanModel.foldedGenerator(config, state.generator),
                FAnoGanModel.criticFeatures(config, state.critic), config.kappa());
        long firstBatch = (long) config.generatorIterations() * config.criticIterations();
        PhaseClock clock = new PhaseClock(state.encoderIterations, config.encoderIterations(), config.batchSize());
        while (state.encoderIterations < config.encoderIterations()) {
            EncoderStep step = training.step(batch(images, firstBatch + state.encoderIterations),
                    state.encoderIterations);
            state.encoderIterations++;
            Map<String, Double> losses = new LinkedHashMap<>();
            losses.put("encoder", step.loss());
            losses.put("image", step.imageLoss());
            losses.put("feature", step.featureLoss());
            listener.onIteration(new TrainingProgress(Phase.ENCODER, state.encoderIterations,
                    config.encoderIterations(), losses, clock.imagesPerSecond(state.encoderIterations),
                    clock.remaining(state.encoderIterations)));
            afterIteration(Phase.ENCODER, state.encoderIterations, config.encoderIterations(), state, listener);
        }
        listener.onPhaseFinished(Phase.ENCODER);
    }

    private void afterIteration(Phase phase, int done, int total, State state, TrainingListener listener) {
        boolean interrupted = Thread.currentThread().isInterrupted();
        if (checkpointDirectory.isPresent() && (done % checkpointEvery == 0 || done == total || interrupted)) {
            state.checkpoint().save(checkpointDirectory.get());
            listener.onCheckpoint(phase, done, checkpointDirectory.get());
        }
        if (interrupted) {
            throw new CancellationException("training interrupted after " + phase + " iteration " + done);
        }
    }

    private INDArray batch(TrainingImages images, long index) {
        return ImageTensors.toTensor(images.batch(index, config.batchSize()), config.imageSize(), config.dataType());
    }

    /** The networks being trained and the counters, as a checkpoint holds them. */
    private static final class State {
        final MultiLayerNetwork generator;
        final MultiLayerNetwork critic;
        final MultiLayerNetwork encoder;
        int ganIterations;
        int encoderIterations;

        State(Checkpoint checkpoint) {
            generator = checkpoint.networks().get(GENERATOR);
            critic = checkpoint.networks().get(CRITIC);
            encoder = checkpoint.networks().get(ENCODER);
            ganIterations = checkpoint.ganIterations();
            encoderIterations = checkpoint.encoderIterations();
        }

        Checkpoint checkpoint() {
            return new Checkpoint(ganIterations, encoderIterations,
                    Map.of(GENERATOR, generator, CRITIC, critic, ENCODER, encoder));
        }
    }
}
