package org.xray.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The overlays as kustomize merges them, where kubectl (with its built-in kustomize) is installed; skipped, saying
 * so, where it is not. Each file is checked on its own by {@link KubernetesManifestsTest} either way.
 */
class KustomizeBuildTest {

    private static final Path KUBECTL = Path.of("/usr/bin/kubectl");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/keda", "overlays/hpa", "overlays/gpu-trainer"})
    void buildsIntoValidResourcesInTheNamespace(String kustomization) throws Exception {
        List<JsonNode> built = build(kustomization);
        for (JsonNode document : built) {
            Object model = KubernetesManifests.parse(Repository.K8S.resolve(kustomization).resolve("(built)"), document);
            if (!document.path("kind").asText().equals("Namespace")) {
                assertThat(document.path("metadata").path("namespace").asText()).as(model.getClass().getSimpleName())
                        .isEqualTo(KubernetesManifests.NAMESPACE);
            }
        }
        long autoscalers = built.stream().map(d -> d.path("kind").asText())
                .filter(kind -> kind.equals("ScaledObject") || kind.equals("HorizontalPodAutoscaler")).count();
        assertThat(autoscalers).as("autoscalers of the scorer").isEqualTo(kustomization.equals("base") ? 0 : 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/gpu-trainer"})
    void theGpuTrainerGetsAGpuOnAGpuNodeAndKeepsItsCpuAndMemory(String kustomization) throws Exception {
        JsonNode trainer = build(kustomization).stream()
                .filter(d -> d.path("kind").asText().equals("Deployment") && d.path("metadata").path("name").asText().equals("trainer-service"))
                .findFirst().orElseThrow();
        Deployment deployment = (Deployment) KubernetesManifests.parse(Repository.K8S.resolve(kustomization), trainer);
        var pod = deployment.getSpec().getTemplate().getSpec();
        var limits = pod.getContainers().get(0).getResources().getLimits();
        assertThat(limits).containsEntry("nvidia.com/gpu", new Quantity("1")).containsKeys("cpu", "memory");
        assertThat(pod.getNodeSelector()).containsKey("nvidia.com/gpu.present");
        assertThat(pod.getTolerations()).anySatisfy(toleration -> assertThat(toleration.getKey()).isEqualTo("nvidia.com/gpu"));
        assertThat(pod.getContainers().get(0).getImage()).startsWith("xray-anomaly/trainer-service-cuda:");
    }

    private static List<JsonNode> build(String kustomization) throws IOException, InterruptedException {
        assumeThat(Files.isExecutable(KUBECTL)).as("kubectl installed: `kustomize build` is not checked here").isTrue();
        Process process = new ProcessBuilder(KUBECTL.toString(), "kustomize", Repository.K8S.resolve(kustomization).toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("kubectl kustomize " + kustomization).isZero();
        return StrictYaml.documents(output);
    }
}
