package org.xray.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker-compose.yml against Docker Compose's own validation and against the services. */
class DockerComposeTest {

    // The keys the file requires from .env; any value will do for validation.
    private static final Map<String, String> KEYS = Map.of("XRAY_INGEST_API_TOKENS", "t",
            "XRAY_INGEST_PSEUDONYM_SECRET", "p", "XRAY_BUNDLE_SIGNING_KEY", "k");

    @Test
    void dockerComposeAcceptsTheFileAndRejectsAnUnknownKey(@TempDir Path directory) throws Exception {
        assertThat(dockerComposeConfig(Repository.COMPOSE_FILE)).as("docker-compose config").startsWith("exit 0");

        Path misspelt = directory.resolve("docker-compose.yml");
        Files.writeString(misspelt, Repository.read(Repository.COMPOSE_FILE)
                .replace("    read_only: true", "    readonly: true"));
        assertThat(dockerComposeConfig(misspelt)).doesNotStartWith("exit 0").contains("readonly");
    }

    @Test
    void everyServiceIsInTheStack() {
        assertThat(ComposeFile.TREE.path("services").fieldNames()).toIterable().containsAll(Repository.SERVICES);
    }

    @Test
    void portsAndHealthChecksMatchWhatTheServicesServe() {
        for (String name : Repository.SERVICES) {
            ServiceJar service = ServiceJar.named(name);
            int port = service.httpPort();
            // Only the edge is published on every interface; the trainer's API, for one, has no authentication.
            String published = name.equals("ingest-service") ? port + ":" + port : "127.0.0.1:" + port + ":" + port;
            assertThat(ComposeFile.strings(ComposeFile.service(name).path("ports"))).as(name + " ports")
                    .containsExactly(published);
            List<String> healthCheck = ComposeFile.strings(ComposeFile.service(name).path("healthcheck").path("test"));
            String url = healthCheck.get(healthCheck.size() - 1);
            assertThat(url).as(name + " health check").startsWith("http://localhost:" + port + "/");
            assertThat(service.healthPaths()).as(name + " serves its health check's path")
                    .contains(url.substring(("http://localhost:" + port).length()));
        }
    }

    @Test
    void everyEnvironmentVariableIsReadByItsService() {
        for (String name : Repository.SERVICES) {
            assertThat(ComposeFile.environment(name).keySet()).as(name + ": variables it does not read")
                    .isSubsetOf(ServiceJar.named(name).environmentVariablesRead());
        }
    }

    @Test
    void everyRequiredSettingIsSetOrDemandedFromEnv() {
        for (String name : Repository.SERVICES) {
            Map<String, String> environment = ComposeFile.environment(name);
            assertThat(environment.keySet()).as(name + ": settings without a production value")
                    .containsAll(ServiceJar.named(name).requiredEnvironmentVariables());
            // A secret comes from .env, and compose refuses to start without it (${NAME:?message}).
            ServiceJar.named(name).requiredEnvironmentVariables().forEach(required ->
                    assertThat(environment.get(required)).as(name + " " + required).matches("\\$\\{[A-Z_]+:\\?.+}"));
        }
    }

    @Test
    void servicesStartOnceTheBrokerIsHealthyAndTheTopicsExist() {
        assertThat(ComposeFile.service("kafka").path("healthcheck").path("test").isMissingNode()).isFalse();
        assertThat(ComposeFile.service("kafka-init-topics").path("depends_on").path("kafka").path("condition").asText())
                .isEqualTo("service_healthy");
        for (String name : Repository.SERVICES) {
            assertThat(ComposeFile.service(name).path("depends_on").path("kafka-init-topics").path("condition").asText())
                    .as(name).isEqualTo("service_completed_successfully");
            assertThat(ComposeFile.environment(name)).as(name)
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:" + internalListenerPort());
        }
    }

    @Test
    void servicesRunAsTheImageUserOnAReadOnlyRootFilesystemWithoutPrivileges() {
        for (String name : Repository.SERVICES) {
            JsonNode service = ComposeFile.service(name);
            assertThat(service.path("user").asText()).as(name + " user").isEqualTo(DockerfilesTest.imageUser(name));
            assertThat(service.path("read_only").asBoolean()).as(name + " read_only").isTrue();
            // exec: JavaCPP loads native libraries from /tmp; Docker mounts tmpfs noexec unless told otherwise.
            assertThat(ComposeFile.strings(service.path("tmpfs"))).as(name + " tmpfs").contains("/tmp:exec,mode=1777");
            assertThat(ComposeFile.strings(service.path("cap_drop"))).as(name + " cap_drop").containsExactly("ALL");
            assertThat(ComposeFile.strings(service.path("security_opt"))).as(name).contains("no-new-privileges:true");
        }
    }

    @Test
    void theTrainerKeepsItsDataOnANamedVolume() {
        String dataDirectory = ComposeFile.environment("trainer-service").get(ServiceJar.environmentName("xray.trainer.data-dir"));
        String mount = ComposeFile.strings(ComposeFile.service("trainer-service").path("volumes")).stream()
                .filter(volume -> volume.split(":")[1].equals(dataDirectory)).findFirst().orElseThrow();
        assertThat(mount.split(":")).as("writable").hasSize(2);
        assertThat(ComposeFile.TREE.path("volumes").has(mount.split(":")[0])).as("a named volume").isTrue();
    }

    // The port of the PLAINTEXT listener that the broker advertises as kafka:PORT on the compose network.
    static int internalListenerPort() {
        for (String listener : ComposeFile.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS").split(",")) {
            if (listener.startsWith("PLAINTEXT://kafka:")) {
                return Integer.parseInt(listener.substring("PLAINTEXT://kafka:".length()));
            }
        }
        throw new AssertionError("the broker advertises no PLAINTEXT listener as kafka:PORT");
    }

    // "exit N" and what docker-compose printed. bin/test installs docker-compose (Debian's package) when missing.
    private static String dockerComposeConfig(Path file) throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder("docker-compose", "--project-directory", Repository.ROOT.toString(), "-f",
                file.toString(), "config", "-q")
                .redirectErrorStream(true);
        command.environment().putAll(KEYS);
        Process process;
        try {
            process = command.start();
        } catch (IOException e) {
            throw new AssertionError("docker-compose is not installed: run bin/test, which installs it, or "
                    + "apt-get install docker-compose", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return "exit " + process.exitValue() + "\n" + output;
    }
}
