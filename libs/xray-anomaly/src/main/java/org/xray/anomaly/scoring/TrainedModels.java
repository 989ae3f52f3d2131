package org.xray.anomaly.scoring;

import java.time.Instant;
import java.util.Map;
import org.xray.anomaly.alphagan.AlphaGanConfig;
import org.xray.anomaly.alphagan.AlphaGanModel;
import org.xray.anomaly.bundle.BundleManifest;
import org.xray.anomaly.bundle.ModelBundle;
import org.xray.anomaly.fanogan.FAnoGanConfig;
import org.xray.anomaly.fanogan.FAnoGanModel;
import org.xray.contracts.events.ValidationRoc;

/** Between trained models and model bundles: what the trainer writes and the scorer loads. */
public final class TrainedModels {

    private TrainedModels() {
    }

    /**
     * Rebuilds the model a (verified) bundle holds, from its networks and its manifest's hyperparameters.
     *
     * @throws IllegalArgumentException when the algorithm is unknown, the hyperparameters or networks are missing or
     *                                  inconsistent, or the manifest's image size disagrees with the networks'
     */
    public static TrainedModel fromBundle(ModelBundle bundle) {
        BundleManifest manifest = bundle.manifest();
        Map<String, String> hyperparameters = manifest.hyperparameters();
        TrainedModel model = switch (Algorithm.fromId(manifest.algorithm())) {
            case FANOGAN -> FAnoGanModel.fromEntries(bundle.entries(),
                    Hyperparameters.parse(FAnoGanConfig.class, hyperparameters));
            case ALPHAGAN -> AlphaGanModel.fromEntries(bundle.entries(),
                    Hyperparameters.parse(AlphaGanConfig.class, hyperparameters));
        };
        if (model.imageSize() != manifest.imageSize()) {
            throw new IllegalArgumentException("bundle " + manifest.name() + "@" + manifest.version()
                    + " declares image size " + manifest.imageSize() + " but its networks take "
                    + model.imageSize());
        }
        return model;
    }

    /**
     * A bundle of {@code model} whose manifest records its algorithm, image size and hyperparameters.
     *
     * @param thresholds by body part name, e.g. {@code XR_HAND}
     * @param metrics    validation metrics, e.g. {@code XR_HAND.rocAuc}
     * @param rocCurves  validation ROC curves by body part name
     */
    public static ModelBundle toBundle(TrainedModel model, String name, String version,
                                       Map<String, String> preprocessing, Map<String, Double> thresholds,
                                       String trainingDataFingerprint, Map<String, Double> metrics,
                                       Map<String, ValidationRoc> rocCurves, Instant createdAt) {
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT_VERSION, name, version,
                model.algorithm().id(), model.imageSize(), preprocessing, thresholds, trainingDataFingerprint,
                model.hyperparameters(), metrics, rocCurves, createdAt, Map.of());
        return new ModelBundle(manifest, model.toEntries());
    }
}
