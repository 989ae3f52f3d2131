package org.xray.imaging;

/** How the image content's contrast is spread before scoring. */
public enum Equalization {
    /** Leave levels as decoded. */
    NONE,
    /** Global histogram equalisation: one mapping for the whole image. */
    HISTOGRAM,
    /** Contrast Limited Adaptive Histogram Equalisation: per tile, with the clip limit bounding noise gain. */
    CLAHE
}
