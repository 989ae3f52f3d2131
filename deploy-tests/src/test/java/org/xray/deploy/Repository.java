package org.xray.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The deployment files of the checkout under test. */
final class Repository {

    /** The four services, as their module directories, compose services and Kubernetes Deployments are named. */
    static final List<String> SERVICES = List.of("ingest-service", "preprocess-service", "scoring-service",
            "trainer-service");

    static final Path ROOT = Path.of(System.getProperty("xray.repository", "..")).toAbsolutePath().normalize();
    static final Path COMPOSE_FILE = ROOT.resolve("docker-compose.yml");
    static final Path K8S = ROOT.resolve("k8s");
    static final Path DEPLOYMENT_DOC = ROOT.resolve("docs/deployment.md");

    private Repository() {
    }

    static Path dockerfile(String service, String variant) {
        return ROOT.resolve(service).resolve("src/main/docker/Dockerfile." + variant);
    }

    /** Every YAML file under k8s/, in a stable order. */
    static List<Path> kubernetesFiles() {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
