package org.xray.imaging;

import java.util.Map;
import java.util.Objects;
import org.xray.contracts.BodyPart;

/**
 * How one body part is brought to its canonical pose: a finger is not a shoulder. Fixed per part and recorded in a
 * model bundle with the rest of the preprocessing (see {@link RadiographPreprocessor#describe}).
 *
 * @param turn                  turn the long axis vertical, by the smaller of the two turns that do
 * @param axis                  which pixels' moments give the long axis
 * @param minElongation         turn only parts at least this elongated (moments' axis ratio); a rounder part's
 *                              axis is noise
 * @param proximalEndLeavesField the limb always enters the image from its proximal side (a hand, a finger), so the
 *                              end that touches the field's edge goes down even when that takes a half turn; off
 *                              where both ends usually leave the field (the long bones)
 * @param cue                   what tells the side of an image whose metadata does not
 * @param leftCueSign           the sign the cue has on a left part (+1 or -1)
 * @param margin                share of each box side added around the part
 */
public record PartFraming(boolean turn, PartAxis axis, double minElongation, boolean proximalEndLeavesField, LateralityCue cue,
                          int leftCueSign, double margin) {

    public PartFraming {
        Objects.requireNonNull(axis, "axis");
        Objects.requireNonNull(cue, "cue");
        if (!(minElongation >= 1)) {
            throw new IllegalArgumentException("minElongation must be at least 1, was " + minElongation);
        }
        if (Math.abs(leftCueSign) != 1) {
            throw new IllegalArgumentException("leftCueSign must be 1 or -1, was " + leftCueSign);
        }
        if (!(margin >= 0 && margin < 0.5)) {
            throw new IllegalArgumentException("margin must be in [0, 0.5), was " + margin);
        }
    }

    // Chosen on synthetic FULL radiographs (FramingBenchmark, docs/BENCHMARKS.md): per part, the axis that undid the
    // rendered rotation best (the bones where soft tissue or a flat bone swings the outline's), and the laterality
    // cue that told the rendered side best, or none where no cue did clearly better than chance. A shoulder has no
    // long axis to turn by.
    private static final Map<BodyPart, PartFraming> BY_PART = Map.of(
            BodyPart.XR_HAND, new PartFraming(true, PartAxis.BONE, 1.2, true, LateralityCue.OUTLINE, 1, 0),
            BodyPart.XR_FINGER, new PartFraming(true, PartAxis.OUTLINE, 1.2, true, LateralityCue.NONE, 1, 0),
            BodyPart.XR_WRIST, new PartFraming(true, PartAxis.BONE, 1.2, false, LateralityCue.DENSE_BONE, -1, 0),
            BodyPart.XR_FOREARM, new PartFraming(true, PartAxis.OUTLINE, 1.2, false, LateralityCue.DENSE_BONE, 1, 0),
            BodyPart.XR_ELBOW, new PartFraming(true, PartAxis.BONE, 1.2, false, LateralityCue.NONE, 1, 0),
            BodyPart.XR_HUMERUS, new PartFraming(true, PartAxis.BONE, 1.2, false, LateralityCue.DENSE_BONE, 1, 0),
            BodyPart.XR_SHOULDER, new PartFraming(false, PartAxis.OUTLINE, 1.2, false, LateralityCue.OUTLINE, 1, 0),
            BodyPart.UNKNOWN, new PartFraming(true, PartAxis.OUTLINE, 1.2, false, LateralityCue.NONE, 1, 0));

    public static PartFraming of(BodyPart part) {
        return BY_PART.get(part);
    }
}
