package org.xray.anomaly.alphagan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The losses of one alpha-GAN step (batch means).
 *
 * @param reconstruction       {@code mean |x - G(E(x))|}, before the weight lambda
 * @param generatorAdversarial {@code -log D} (BCE with label 1) on {@code G(E(x))} plus on {@code G(z)}, each a
 *                             mean
 * @param encoderAdversarial   {@code -log C} (BCE with label 1) on {@code E(x)}
 * @param discriminator        BCE of D: real x as 1, {@code G(E(x))} and {@code G(z)} as 0 (sum of the three means)
 * @param codeDiscriminator    BCE of C: z ~ N(0, I) as 1, {@code E(x)} as 0 (sum of the two means)
 */
public record AlphaGanLosses(double reconstruction, double generatorAdversarial, double encoderAdversarial,
                             double discriminator, double codeDiscriminator) {

    /** The losses by name, in a stable order, for progress reports. */
    public Map<String, Double> named() {
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("l1", reconstruction);
        losses.put("generator", generatorAdversarial);
        losses.put("encoder", encoderAdversarial);
        losses.put("discriminator", discriminator);
        losses.put("code", codeDiscriminator);
        return losses;
    }

    public boolean allFinite() {
        return Double.isFinite(reconstruction) && Double.isFinite(generatorAdversarial)
                && Double.isFinite(encoderAdversarial) && Double.isFinite(discriminator)
                && Double.isFinite(codeDiscriminator);
    }
}
