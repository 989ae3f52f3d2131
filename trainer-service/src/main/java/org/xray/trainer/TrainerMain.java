package org.xray.trainer;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.xray.anomaly.nn.NativeSettings;

/** Sets the ND4J native settings before anything loads ND4J, so {@code java -jar} needs no extra flags. */
@QuarkusMain
public final class TrainerMain {

    private TrainerMain() {
    }

    public static void main(String... args) {
        NativeSettings.applyDefaults();
        Quarkus.run(args);
    }
}
