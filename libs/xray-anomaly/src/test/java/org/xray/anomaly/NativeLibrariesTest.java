package org.xray.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.xray.anomaly.fanogan.FAnoGanConfig;
import org.xray.anomaly.fanogan.FAnoGanNetworks;
import org.xray.contracts.BodyPart;
import org.xray.imaging.GrayImage;
import org.xray.imaging.PreprocessingSettings;
import org.xray.imaging.RadiographPreprocessor;

/** ND4J's oneDNN natives and xray-imaging's OpenCV share one JavaCPP in one JVM (DESIGN.md sections 2 and 7). */
class NativeLibrariesTest {

    @Test
    void classpathHoldsOneJavaCppVersionAndNoPlainNd4jNatives() throws Exception {
        List<String> jars = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        String version = Loader.getVersion();

        assertThat(jars).filteredOn(jar -> new File(jar).getName().startsWith("javacpp-"))
                .isNotEmpty().allMatch(jar -> new File(jar).getName().startsWith("javacpp-" + version));
        assertThat(version).isEqualTo("1.5.7");
        assertThat(jars).noneMatch(jar -> new File(jar).getName().equals("nd4j-native-1.0.0-M2.1-linux-x86_64.jar"));
    }

    @Test
    void openCvAndNd4jBothWorkInOneJvm() {
        byte[] pixels = new byte[96 * 96];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i % 96 > 20 && i % 96 < 70 && i / 96 > 10 ? 200 : 10);
        }
        GrayImage preprocessed = new RadiographPreprocessor(PreprocessingSettings.defaults().withSize(32))
                .process(new GrayImage(96, 96, pixels), BodyPart.XR_FOREARM).image();
        INDArray product = Nd4j.ones(DataType.FLOAT, 64, 64).mmul(Nd4j.ones(DataType.FLOAT, 64, 64));

        assertThat(preprocessed.width()).isEqualTo(32);
        assertThat(product.getDouble(0, 0)).isEqualTo(64.0);
    }

    @Test
    void convolutionsRunInOneDnn() {
        MultiLayerNetwork critic = FAnoGanNetworks.critic(FAnoGanConfig.small());
        critic.output(Nd4j.rand(DataType.FLOAT, 2, 1, 32, 32));

        assertThat(org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN()).isTrue();
        // Needs -Dorg.eclipse.deeplearning4j.helpers.disable=false and the org.nd4j.nativeblas.Nd4jCpu shim.
        assertThat(critic.getLayer(0).getHelper()).isNotNull();
        assertThat(critic.getLayer(0).getHelper().getClass().getSimpleName()).isEqualTo("MKLDNNConvHelper");
    }
}
