package org.xray.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The services' Dockerfiles against the services and the deployments that run their images. */
class DockerfilesTest {

    /** The services that load native libraries through JNI (JavaCPP): OpenCV, and ND4J in scoring and training. */
    static final List<String> JNI_SERVICES = List.of("preprocess-service", "scoring-service", "trainer-service");

    @Test
    void everyImageRunsAsAnUnprivilegedUserAndExposesItsServicePort() {
        for (String service : Repository.SERVICES) {
            assertThat(Integer.parseInt(imageUser(service))).as(service + " USER").isPositive();
            assertThat(instruction(service, "EXPOSE")).as(service + " EXPOSE")
                    .isEqualTo(Integer.toString(ServiceJar.named(service).httpPort()));
            assertThat(instruction(service, "ENTRYPOINT")).as(service).contains("run-java.sh");
        }
    }

    @Test
    void kubernetesRunsEachImageAsItsOwnUser() {
        for (Deployment deployment : KubernetesManifests.all(Deployment.class).toList()) {
            String service = deployment.getMetadata().getName();
            assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
                    .as(service).isEqualTo(Long.parseLong(imageUser(service)));
        }
    }

    @Test
    void servicesWithNativeLibrariesExtractThemIntoTmp() {
        // With a read-only root file system JavaCPP can only unpack its libraries to the writable /tmp volume.
        for (String service : JNI_SERVICES) {
            assertThat(instruction(service, "ENV JAVA_OPTS_APPEND")).as(service)
                    .containsPattern("-Dorg\\.bytedeco\\.javacpp\\.cachedir=/tmp/\\S+");
        }
    }

    @Test
    void ingestHasANativeImageOfItsExecutable() {
        String dockerfile = Repository.read(Repository.dockerfile("ingest-service", "native"));
        assertThat(dockerfile).contains("COPY --chown=1001:root --chmod=0755 target/*-runner /work/application")
                .contains("EXPOSE " + ServiceJar.named("ingest-service").httpPort()).contains("USER 1001");
    }

    /** The user of the image's last USER instruction: the one the service runs as. */
    static String imageUser(String service) {
        return instruction(service, "USER");
    }

    // The argument of the last occurrence of an instruction in the service's JVM Dockerfile.
    private static String instruction(String service, String instruction) {
        Matcher matcher = Pattern.compile("(?m)^" + instruction + "[ =](.+)$")
                .matcher(Repository.read(Repository.dockerfile(service, "jvm")));
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1).trim();
        }
        if (last == null) {
            throw new AssertionError(service + "'s Dockerfile.jvm has no " + instruction);
        }
        return last;
    }
}
