package org.xray.training;

/** Which models a training job makes. */
public enum ModelScope {
    /** One model per body part, named {@code <algorithm>/<PART>}: what scorers route to first. */
    PER_BODY_PART,
    /** One model over all the job's body parts, named {@code <algorithm>/ALL}: a scorer's fallback model. */
    ALL_BODY_PARTS
}
