package org.xray.anomaly.nn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/** DL4J's own network format (a zip: configuration JSON, parameters, optionally updater state) in memory. */
public final class NetworkBytes {

    private NetworkBytes() {
    }

    public static byte[] write(MultiLayerNetwork network, boolean withUpdater) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(network, bytes, withUpdater);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise network", e);
        }
        return bytes.toByteArray();
    }

    public static MultiLayerNetwork read(byte[] bytes, boolean withUpdater) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), withUpdater);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a DL4J MultiLayerNetwork: " + e.getMessage(), e);
        }
    }
}
