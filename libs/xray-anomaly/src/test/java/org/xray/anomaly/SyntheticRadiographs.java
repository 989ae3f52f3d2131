package org.xray.anomaly;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xray.contracts.BodyPart;
import org.xray.datasets.synthetic.AnomalyKind;
import org.xray.datasets.synthetic.NuisanceVariation;
import org.xray.datasets.synthetic.SyntheticImage;
import org.xray.datasets.synthetic.SyntheticRadiographRenderer;
import org.xray.imaging.GrayImage;
import org.xray.imaging.PreprocessingSettings;
import org.xray.imaging.RadiographPreprocessor;

/**
 * Synthetic radiographs of one body part for learning tests and experiments: rendered at the model size, or rendered
 * at {@link #RENDER_SIZE} and preprocessed to the model size the way production prepares images (crop, resize and
 * pad, CLAHE).
 */
public final class SyntheticRadiographs {

    public static final int RENDER_SIZE = 128;

    private final BodyPart part;
    private final boolean preprocess;
    private final SyntheticRadiographRenderer renderer;
    private final RadiographPreprocessor preprocessor;

    /** @param preprocess render at {@link #RENDER_SIZE} and preprocess to the model size; else render at model size */
    public SyntheticRadiographs(BodyPart part, int modelSize, boolean preprocess) {
        this(part, modelSize, preprocess, NuisanceVariation.FULL);
    }

    /** @param variation the renderer's nuisance variation ({@link NuisanceVariation#REDUCED} for short learning tests) */
    public SyntheticRadiographs(BodyPart part, int modelSize, boolean preprocess, NuisanceVariation variation) {
        this.part = part;
        this.preprocess = preprocess;
        this.renderer = new SyntheticRadiographRenderer(preprocess ? RENDER_SIZE : modelSize, variation);
        this.preprocessor = new RadiographPreprocessor(PreprocessingSettings.defaults().withSize(modelSize));
    }

    public GrayImage image(Optional<AnomalyKind> anomaly, long seed) {
        SyntheticImage rendered = renderer.render(part, anomaly, seed);
        GrayImage image = new GrayImage(rendered.width(), rendered.height(), rendered.pixels());
        return preprocess ? preprocessor.process(image, part).image() : image;
    }

    public List<GrayImage> normals(long firstSeed, int count) {
        List<GrayImage> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            images.add(image(Optional.empty(), firstSeed + i));
        }
        return images;
    }
}
