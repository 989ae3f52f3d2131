package org.xray.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_CLOSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_ELLIPSE;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.xray.contracts.RejectionReason;
import org.xray.formats.InvalidImageException;

/**
 * Finds the whole body part, soft tissue included, in an analysis view of a radiograph:
 * <ol>
 *   <li>collimation bands (bright, uniform strips along the edges) are cut off, leaving the exposed field;</li>
 *   <li>the field is smoothed, so that the threshold sees tissue against air and not quantum noise;</li>
 *   <li>the threshold separates air from tissue: Otsu's split of the field, refined by a second split of its dark
 *       class when that class holds both air and soft tissue (a bone-heavy image drags the first split up to
 *       between tissue and bone, which would crop to the brightest bone);</li>
 *   <li>every region at least {@link #MIN_REGION_SHARE} of the largest is kept (two fingers are one finger study),
 *       smaller ones (lead markers, labels, specks) and faint bands become background; holes are filled.</li>
 * </ol>
 * Stateless and thread-safe; all native memory lives in the caller's pointer scope.
 */
final class BodyPartSegmenter {

    /** A region smaller than this share of the largest one is a marker, a label or noise. */
    static final double MIN_REGION_SHARE = 0.1;
    /** The part must cover at least this share of the exposed field; less is a speck, not anatomy. */
    static final double MIN_COVERAGE = 0.01;
    /** Fewest levels between the smoothed field's 1st and 99th percentiles: less is a blank image. */
    static final int MIN_CONTRAST = 8;
    /** At most this share of each side can be a collimation band. */
    static final double MAX_BAND_DEPTH = 0.3;
    /**
     * Image sides per width of the opening that separates markers: at 256 pixels 9 pixels, wider than a lead
     * marker's strokes once smoothed (a sixth of a 5-9 % letter, plus the blur) and narrower than a finger.
     */
    static final double MARKER_STROKE = 28;
    /** A band runs along at least this share of its edge. */
    static final double BAND_LENGTH = 0.8;
    /** Lines of a shutter's blurred edge, between the band and the field. */
    static final int SOFT_EDGE = 2;
    /** Share of a row's pixels that must lie within the noise of its median for the row to be uniform. */
    static final double UNIFORM_SHARE = 0.95;
    /** Dark-class split accepted when its two means are this many smoothed-noise deviations apart. */
    static final double AIR_TISSUE_SEPARATION = 8;

    /**
     * @param mask      255 on the body part, 0 elsewhere, view size
     * @param field     the exposed field: the view without its collimation bands
     * @param threshold the air/tissue level on the smoothed view
     * @param coverage  share of the field the part covers
     */
    record Segmentation(Mat mask, Rect field, int threshold, double coverage) {
    }

    private BodyPartSegmenter() {
    }

    /** @throws InvalidImageException {@link RejectionReason#NO_BODY_PART_FOUND} when no body part is visible */
    static Segmentation segment(Mat view) {
        int width = view.cols();
        int height = view.rows();
        byte[] pixels = new byte[width * height];
        view.data().get(pixels);
        double noise = noiseDeviation(pixels, width, height);
        Rect field = exposedField(pixels, width, height);

        Mat smoothed = new Mat();
        GaussianBlur(view, smoothed, new Size(0, 0), 2.0, 2.0, BORDER_REPLICATE);
        byte[] smooth = new byte[width * height];
        smoothed.data().get(smooth);
        int[] histogram = histogram(smooth, width, field);
        long fieldPixels = (long) field.width() * field.height();
        int contrast = percentile(histogram, fieldPixels, 0.99) - percentile(histogram, fieldPixels, 0.01);
        if (contrast < MIN_CONTRAST) {
            throw new InvalidImageException(RejectionReason.NO_BODY_PART_FOUND, "No body part found: the exposed "
                    + "field is flat (levels within " + contrast + " of 255 between its 1st and 99th percentiles, "
                    + "under the " + MIN_CONTRAST + " any radiograph of anatomy has); the image is blank or "
                    + "unexposed");
        }
        // A Gaussian of sigma 2 leaves about a seventh of white noise's deviation.
        double smoothedNoise = Math.max(0.5, noise / 7);
        int threshold = airTissueThreshold(histogram, smoothedNoise);

        byte[] binary = new byte[width * height];
        for (int y = field.y(); y < field.y() + field.height(); y++) {
            for (int x = field.x(); x < field.x() + field.width(); x++) {
                int i = y * width + x;
                binary[i] = (byte) ((smooth[i] & 0xFF) > threshold ? 255 : 0);
            }
        }
        Mat mask = new Mat(height, width, CV_8UC1);
        mask.data().put(binary);
        Mat kernel = getStructuringElement(MORPH_ELLIPSE, new Size(3, 3));
        morphologyEx(mask, mask, MORPH_OPEN, kernel);
        morphologyEx(mask, mask, MORPH_CLOSE, kernel);
        // Regions are told apart after an opening that a lead marker's (blurred) strokes, and the thin bridges that
        // join a marker to the part, do not survive; the part then gets back its own outline, within the opening's
        // reach, from the unopened mask.
        int side = Math.max(3, (int) Math.round(Math.max(width, height) / MARKER_STROKE) | 1);
        Mat wide = getStructuringElement(MORPH_ELLIPSE, new Size(side, side));
        Mat opened = new Mat();
        morphologyEx(mask, opened, MORPH_OPEN, wide);
        Mat reach = new Mat();
        dilate(keepLargeRegions(opened, smooth, (int) Math.ceil(4 * smoothedNoise) + 2), reach, wide);
        Mat part = new Mat();
        bitwise_and(mask, reach, part);
        fillHoles(part);
        long area = countOn(part);
        double coverage = area / ((double) field.width() * field.height());
        if (coverage < MIN_COVERAGE) {
            throw new InvalidImageException(RejectionReason.NO_BODY_PART_FOUND, "No body part found: the largest "
                    + "region above the air level (" + threshold + ") covers " + Steps.number(100 * coverage)
                    + " % of the exposed field, under the " + Steps.number(100 * MIN_COVERAGE) + " % a body part "
                    + "covers; the image is blank, unexposed or not a radiograph");
        }
        return new Segmentation(part, field, threshold, coverage);
    }

    /**
     * The noise's standard deviation from neighbouring pixels' differences: the median absolute difference of a
     * Gaussian's two samples is 0.954 of its deviation, and edges barely move a median.
     */
    private static double noiseDeviation(byte[] pixels, int width, int height) {
        int[] counts = new int[256];
        long total = 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 1; x < width; x++) {
                counts[Math.abs((pixels[row + x] & 0xFF) - (pixels[row + x - 1] & 0xFF))]++;
                total++;
            }
        }
        return Math.max(0.5, percentile(counts, total, 0.5) / 0.954);
    }

    /**
     * The view without collimation bands along its edges. A band is a run of rows (or columns) from an edge
     * inwards that are uniform (nearly all pixels within three of the row's own noise deviations of its median) at
     * the edge row's level, followed by rows at another level: uniformly bright or dark shutter, then the exposed
     * field. Air above a part is uniform too, but the field goes on at air's level, so it stays in the field and a
     * part running off the image still touches the field's edge.
     */
    private static Rect exposedField(byte[] pixels, int width, int height) {
        int top = bandDepth(pixels, 0, width, 1, width, (int) (MAX_BAND_DEPTH * height));
        int bottom = bandDepth(pixels, (height - 1) * width, -width, 1, width, (int) (MAX_BAND_DEPTH * height));
        int left = bandDepth(pixels, 0, 1, width, height, (int) (MAX_BAND_DEPTH * width));
        int right = bandDepth(pixels, width - 1, -1, width, height, (int) (MAX_BAND_DEPTH * width));
        return new Rect(left, top, width - left - right, height - top - bottom);
    }

    /**
     * @param start  index of the edge line's first pixel
     * @param inward index step from one line to the next one inwards
     * @param along  index step from one pixel to the next along a line
     */
    private static int bandDepth(byte[] pixels, int start, int inward, int along, int count, int maxDepth) {
        Line edge = Line.of(pixels, start, along, count);
        if (!edge.uniform()) {
            return 0;
        }
        int depth = 1;
        while (depth < maxDepth) {
            Line line = Line.of(pixels, start + depth * inward, along, count);
            if (!line.uniform() || Math.abs(line.median() - edge.median()) > edge.levelTolerance()) {
                break;
            }
            depth++;
        }
        // Past the shutter's soft edge, the field must differ from the band, or the band was only air; the soft
        // edge itself, a line of blended levels, goes with the band.
        int inside = Math.min(depth + SOFT_EDGE, maxDepth);
        Line beyond = Line.of(pixels, start + inside * inward, along, count);
        return depth < maxDepth && Math.abs(beyond.median() - edge.median()) > edge.levelTolerance() ? inside : 0;
    }

    /**
     * One row or column: its median, how far from it a pixel's noise reaches, and the share of pixels that far at
     * most.
     */
    private record Line(int median, int tolerance, double withinShare) {

        static Line of(byte[] pixels, int start, int along, int count) {
            int[] counts = new int[256];
            int[] differences = new int[256];
            int previous = pixels[start] & 0xFF;
            for (int k = 0; k < count; k++) {
                int level = pixels[start + k * along] & 0xFF;
                counts[level]++;
                differences[Math.abs(level - previous)]++;
                previous = level;
            }
            int median = percentile(counts, count, 0.5);
            // Three deviations of the noise, from neighbouring differences (the noise grows with the signal).
            int tolerance = (int) Math.ceil(3 * percentile(differences, count, 0.5) / 0.954) + 1;
            int within = 0;
            for (int level = Math.max(0, median - tolerance); level <= Math.min(255, median + tolerance); level++) {
                within += counts[level];
            }
            return new Line(median, tolerance, within / (double) count);
        }

        boolean uniform() {
            return withinShare >= UNIFORM_SHARE;
        }

        /** How far two lines' medians may lie apart at the same level: a median of hundreds barely moves. */
        int levelTolerance() {
            return Math.max(2, tolerance / 3);
        }
    }

    /**
     * Otsu's split of the field; then Otsu's split of its dark class, taken instead when the dark class is itself
     * two populations (air and soft tissue) whose means lie far apart against the smoothed noise.
     */
    static int airTissueThreshold(int[] histogram, double smoothedNoise) {
        int first = otsu(histogram, 0, 255);
        int second = otsu(histogram, 0, first);
        double air = mean(histogram, 0, second);
        double tissue = mean(histogram, second + 1, first);
        long airCount = count(histogram, 0, second);
        long tissueCount = count(histogram, second + 1, first);
        boolean twoPopulations = airCount > 0 && tissueCount > 0
                && tissue - air > AIR_TISSUE_SEPARATION * smoothedNoise;
        return twoPopulations ? second : first;
    }

    /** Otsu's threshold over levels {@code from..to}: the level that maximises the between-class variance. */
    static int otsu(int[] histogram, int from, int to) {
        double total = 0;
        double sum = 0;
        for (int level = from; level <= to; level++) {
            total += histogram[level];
            sum += (double) level * histogram[level];
        }
        double below = 0;
        double belowSum = 0;
        double best = -1;
        int threshold = from;
        for (int level = from; level < to; level++) {
            below += histogram[level];
            belowSum += (double) level * histogram[level];
            double above = total - below;
            if (below == 0 || above == 0) {
                continue;
            }
            double difference = belowSum / below - (sum - belowSum) / above;
            double between = below * above * difference * difference;
            if (between > best) {
                best = between;
                threshold = level;
            }
        }
        return threshold;
    }

    private static int[] histogram(byte[] pixels, int width, Rect area) {
        int[] histogram = new int[256];
        for (int y = area.y(); y < area.y() + area.height(); y++) {
            for (int x = area.x(); x < area.x() + area.width(); x++) {
                histogram[pixels[y * width + x] & 0xFF]++;
            }
        }
        return histogram;
    }

    private static int percentile(int[] counts, long total, double share) {
        long seen = 0;
        for (int level = 0; level < counts.length; level++) {
            seen += counts[level];
            if (seen >= share * total) {
                return level;
            }
        }
        return counts.length - 1;
    }

    private static double mean(int[] histogram, int from, int to) {
        double n = 0;
        double sum = 0;
        for (int level = from; level <= to; level++) {
            n += histogram[level];
            sum += (double) level * histogram[level];
        }
        return n == 0 ? 0 : sum / n;
    }

    private static long count(int[] histogram, int from, int to) {
        long n = 0;
        for (int level = from; level <= to; level++) {
            n += histogram[level];
        }
        return n;
    }

    /**
     * 255 on the largest region and on every other at least {@link #MIN_REGION_SHARE} of it that is not a band: a
     * strip along an edge, over most of its length, without structure (a collimation band too faint for
     * {@link #exposedField} to tell from air). A finger along the edge has bone in it and stays.
     *
     * @param smooth the smoothed levels, row-major
     * @param flat   the widest spread of smoothed levels (10th to 90th percentile) a band has
     */
    private static Mat keepLargeRegions(Mat binary, byte[] smooth, int flat) {
        Mat labels = new Mat();
        Mat stats = new Mat();
        int count = connectedComponentsWithStats(binary, labels, stats, new Mat(), 8, CV_32S);
        int width = binary.cols();
        int height = binary.rows();
        int[] areas = new int[count];
        boolean[] strip = new boolean[count];
        int largest = 0;
        try (IntIndexer s = stats.createIndexer()) {
            for (int label = 1; label < count; label++) {
                areas[label] = s.get(label, CC_STAT_AREA);
                if (areas[label] > areas[largest]) {
                    largest = label;
                }
                int left = s.get(label, CC_STAT_LEFT);
                int top = s.get(label, CC_STAT_TOP);
                int w = s.get(label, CC_STAT_WIDTH);
                int h = s.get(label, CC_STAT_HEIGHT);
                boolean alongSide = (left == 0 || left + w == width) && w <= MAX_BAND_DEPTH * width
                        && h >= BAND_LENGTH * height;
                boolean alongEnd = (top == 0 || top + h == height) && h <= MAX_BAND_DEPTH * height
                        && w >= BAND_LENGTH * width;
                strip[label] = alongSide || alongEnd;
            }
        }
        int[] label = new int[width * height];
        try (IntIndexer l = labels.createIndexer()) {
            l.get(0, label);
        }
        int[][] levels = new int[count][];
        for (int i = 0; i < label.length; i++) {
            if (strip[label[i]]) {
                if (levels[label[i]] == null) {
                    levels[label[i]] = new int[256];
                }
                levels[label[i]][smooth[i] & 0xFF]++;
            }
        }
        boolean[] band = new boolean[count];
        for (int region = 1; region < count; region++) {
            band[region] = strip[region] && percentile(levels[region], areas[region], 0.9)
                    - percentile(levels[region], areas[region], 0.1) <= flat;
        }
        byte[] kept = new byte[label.length];
        for (int i = 0; i < label.length; i++) {
            int region = label[i];
            boolean keep = region == largest
                    || (region > 0 && !band[region] && areas[region] >= MIN_REGION_SHARE * areas[largest]);
            kept[i] = (byte) (region > 0 && keep ? 255 : 0);
        }
        Mat part = new Mat(height, width, CV_8UC1);
        part.data().put(kept);
        return part;
    }

    /** Fills background enclosed by the part (a dark medullary cavity or lesion is still the part). */
    private static void fillHoles(Mat part) {
        int width = part.cols();
        int height = part.rows();
        byte[] mask = new byte[width * height];
        part.data().get(mask);
        byte[] outside = new byte[mask.length];
        int[] queue = new int[mask.length];
        int head = 0;
        int tail = 0;
        for (int x = 0; x < width; x++) {
            tail = seed(mask, outside, queue, tail, x);
            tail = seed(mask, outside, queue, tail, (height - 1) * width + x);
        }
        for (int y = 0; y < height; y++) {
            tail = seed(mask, outside, queue, tail, y * width);
            tail = seed(mask, outside, queue, tail, y * width + width - 1);
        }
        while (head < tail) {
            int i = queue[head++];
            int x = i % width;
            int y = i / width;
            if (x > 0) {
                tail = seed(mask, outside, queue, tail, i - 1);
            }
            if (x < width - 1) {
                tail = seed(mask, outside, queue, tail, i + 1);
            }
            if (y > 0) {
                tail = seed(mask, outside, queue, tail, i - width);
            }
            if (y < height - 1) {
                tail = seed(mask, outside, queue, tail, i + width);
            }
        }
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (byte) (outside[i] == 0 ? 255 : 0);
        }
        part.data().put(mask);
    }

    private static int seed(byte[] mask, byte[] outside, int[] queue, int tail, int i) {
        if (mask[i] == 0 && outside[i] == 0) {
            outside[i] = 1;
            queue[tail++] = i;
        }
        return tail;
    }

    private static long countOn(Mat mask) {
        byte[] pixels = new byte[mask.rows() * mask.cols()];
        mask.data().get(pixels);
        long on = 0;
        for (byte pixel : pixels) {
            if (pixel != 0) {
                on++;
            }
        }
        return on;
    }
}
