package org.xray.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service's built jar ({@code <service>/target/quarkus-app/quarkus-run.jar}) running as a child process on a
 * port of its own, configured through environment variables as in production, its output in a log file.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final int LOG_LINES_IN_ERRORS = 40;

    private final String name;
    private final Process process;
    private final Path log;
    private final URI url;

    private ServiceProcess(String name, Process process, Path log, URI url) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /**
     * @param environment the service's settings (on top of this JVM's environment)
     * @throws IllegalStateException when the service has not been built
     */
    static ServiceProcess start(String name, Path repository, Path logDirectory, int port,
                                Map<String, String> environment) {
        Path jar = repository.resolve(name).resolve("target/quarkus-app/quarkus-run.jar").toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + ": the system tests run the built services; run"
                    + " `mvn install -DskipTests` at the repository root first");
        }
        Path log = logDirectory.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Only the settings given here: what a developer exported for bin/xray-local must not leak in.
        builder.environment().keySet().removeIf(variable -> variable.startsWith("XRAY_")
                || variable.startsWith("QUARKUS_") || variable.startsWith("KAFKA_")
                || variable.startsWith("MP_MESSAGING_"));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        try {
            return new ServiceProcess(name, builder.start(), log, URI.create("http://127.0.0.1:" + port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + jar + ")", e);
        }
    }

    String name() {
        return name;
    }

    URI url() {
        return url;
    }

    /**
     * Waits until {@code /q/health/ready} answers 200.
     *
     * @throws IllegalStateException when the process exits first or is not ready in time, with the log's last lines
     */
    void awaitReady(HttpClient http, Duration timeout) {
        HttpRequest ready = HttpRequest.newBuilder(url.resolve("/q/health/ready")).timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue()
                        + " while starting; its log " + log.toAbsolutePath() + " ends with:\n" + logTail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready at " + url + "/q/health/ready within "
                        + timeout.toSeconds() + " s; its log " + log.toAbsolutePath() + " ends with:\n" + logTail());
            }
            sleep(Duration.ofMillis(250));
        }
    }

    /** SIGTERM (Quarkus shuts down gracefully), then SIGKILL if it has not exited in time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " at " + url;
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_ERRORS), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read it: " + e.getMessage() + ")";
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
