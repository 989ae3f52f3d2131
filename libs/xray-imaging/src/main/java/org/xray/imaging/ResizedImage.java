package org.xray.imaging;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.xray.contracts.events.PreprocessingStep;

/** A square model-size image in native memory and where its content sits inside the zero padding. */
record ResizedImage(Mat image, Rect content, PreprocessingStep step) {
}
