package org.xray.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.getNumThreads;
import static org.bytedeco.opencv.global.opencv_core.setNumThreads;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.xray.contracts.BodyPart;
import org.junit.jupiter.api.Test;

/** Native memory and OpenCV threads: what a long-running preprocess worker depends on. */
class NativeResourcesTest {

    private static final int CALLS = 200;

    @Test
    void manyCallsLeaveJavaCppsTrackedAllocationsUnchanged() {
        RadiographPreprocessor preprocessor = new RadiographPreprocessor(PreprocessingSettings.defaults());
        Augmenter augmenter = new Augmenter(AugmentationSettings.defaults());
        byte[] png = TestImages.png(TestImages.placed(TestImages.radiograph(180, 300, 1), 512, 512, 256, 256, 15, 30)
                .canvas());
        byte[] dicom = TestImages.fixture("cr-16bit-window.dcm");
        GrayImage model = preprocessor.process(png, BodyPart.XR_FOREARM).image();
        RadiographDecoder.decode(dicom);
        long bytesBefore = Pointer.totalBytes();
        long countBefore = Pointer.totalCount();

        // The measure does see a Mat left outside a PointerScope.
        Mat leaked = new Mat(64, 64, CV_8UC1);
        assertThat(Pointer.totalCount()).isGreaterThan(countBefore);
        leaked.close();

        for (int i = 0; i < CALLS; i++) {
            preprocessor.process(png, BodyPart.XR_FOREARM);
            augmenter.augment(model, i);
            RadiographDecoder.decode(dicom);
        }

        // Other tests' unscoped pointers may be freed by the GC meanwhile, so the totals can only fall.
        assertThat(Pointer.totalCount()).isLessThanOrEqualTo(countBefore);
        assertThat(Pointer.totalBytes()).isLessThanOrEqualTo(bytesBefore);
    }

    @Test
    void singleThreadedOpenCvGivesTheSamePixels() {
        RadiographPreprocessor preprocessor = new RadiographPreprocessor(PreprocessingSettings.defaults());
        GrayImage input = TestImages.placed(TestImages.radiograph(360, 600, 3), 1024, 1024, 512, 512, -12, 60)
                .canvas();
        int previous = getNumThreads();
        try {
            PreprocessedRadiograph pooled = preprocessor.process(input, BodyPart.XR_FOREARM);

            RadiographPreprocessor.useSingleThreadedOpenCv();

            assertThat(getNumThreads()).isEqualTo(1);
            PreprocessedRadiograph single = preprocessor.process(input, BodyPart.XR_FOREARM);
            assertThat(single.image()).isEqualTo(pooled.image());
            assertThat(single.mask()).isEqualTo(pooled.mask());
        } finally {
            setNumThreads(previous);
        }
    }
}
