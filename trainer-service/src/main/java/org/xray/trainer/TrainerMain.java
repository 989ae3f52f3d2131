package org.xray.trainer;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.xray.anomaly.nn.NativeSettings;
import org.xray.trainer.cli.CommandApplication;

/**
 * Starts the trainer service, or with arguments runs one command ({@code train}, {@code evaluate}, {@code publish},
 * {@code rollback}; see {@link CommandApplication}) and exits. Sets the ND4J native settings first, before anything
 * loads ND4J, so {@code java -jar} needs no extra flags.
 */
@QuarkusMain
public final class TrainerMain {

    private TrainerMain() {
    }

    public static void main(String... args) {
        NativeSettings.applyDefaults();
        if (args.length == 0) {
            Quarkus.run(args);
            return;
        }
        // A command needs no HTTP server, and its output on stdout should not be mixed with the log. The Kafka
        // producers start with the application even for commands that never publish: without a broker they would
        // warn about it several times a second (publish and rollback still fail with a timeout that says so).
        // putIfAbsent: an operator's -D setting wins.
        System.getProperties().putIfAbsent("quarkus.http.host-enabled", "false");
        System.getProperties().putIfAbsent("quarkus.log.console.stderr", "true");
        System.getProperties().putIfAbsent("quarkus.banner.enabled", "false");
        // Unfinished REST jobs belong to the service; a one-off command must not pick them up.
        System.getProperties().putIfAbsent("xray.trainer.resume-jobs", "false");
        System.getProperties().putIfAbsent("quarkus.log.category.\"org.apache.kafka.clients.NetworkClient\".level",
                "ERROR");
        Quarkus.run(CommandApplication.class, args);
    }
}
