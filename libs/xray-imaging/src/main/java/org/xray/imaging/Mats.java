package org.xray.imaging;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Copies between {@link GrayImage} (Java heap) and 8-bit single-channel OpenCV {@link Mat}s (native memory).
 * Callers run inside a {@link org.bytedeco.javacpp.PointerScope}, which frees every Mat made here when it closes.
 */
final class Mats {

    private Mats() {
    }

    static Mat toMat(GrayImage image) {
        Mat mat = new Mat(image.height(), image.width(), CV_8UC1);
        mat.data().put(image.pixels());
        return mat;
    }

    static GrayImage toGrayImage(Mat mat) {
        if (mat.type() != CV_8UC1) {
            throw new IllegalArgumentException("expected an 8-bit single-channel Mat, got type " + mat.type());
        }
        // A region of interest shares its parent's rows, so its bytes are not contiguous until cloned.
        Mat contiguous = mat.isContinuous() ? mat : mat.clone();
        byte[] pixels = new byte[contiguous.rows() * contiguous.cols()];
        contiguous.data().get(pixels);
        return new GrayImage(contiguous.cols(), contiguous.rows(), pixels);
    }

    /** The pixels of a continuous 8-bit Mat (a whole image, not a region of one). */
    static byte[] bytes(Mat mat) {
        byte[] bytes = new byte[mat.rows() * mat.cols()];
        mat.data().get(bytes);
        return bytes;
    }
}
