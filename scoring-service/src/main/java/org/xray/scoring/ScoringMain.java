package org.xray.scoring;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.xray.anomaly.nn.NativeSettings;

/** Sets the ND4J native settings before anything loads ND4J, so {@code java -jar} needs no extra flags. */
@QuarkusMain
public final class ScoringMain {

    private ScoringMain() {
    }

    public static void main(String... args) {
        NativeSettings.applyDefaults();
        Quarkus.run(args);
    }
}
