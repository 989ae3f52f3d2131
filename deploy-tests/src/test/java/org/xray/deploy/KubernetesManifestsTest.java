package org.xray.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/** k8s/ on its own: every document is valid for its type, and the documents fit together. */
class KubernetesManifestsTest {

    @Test
    void everyManifestParsesStrictlyAgainstItsModel() {
        SoftAssertions softly = new SoftAssertions();
        for (Path file : Repository.kubernetesFiles()) {
            List<JsonNode> documents = StrictYaml.documents(file);
            softly.assertThat(documents).as(file.toString()).isNotEmpty();
            for (JsonNode document : documents) {
                softly.assertThatCode(() -> KubernetesManifests.parse(file, document)).doesNotThrowAnyException();
            }
        }
        softly.assertAll();
        assertThat(KubernetesManifests.all(Deployment.class)).hasSize(Repository.SERVICES.size());
    }

    @Test
    void strictParsingRejectsAMisspeltFieldAndAWrongType() {
        String misspelt = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  template:
                    spec:
                      containers:
                        - name: x
                          ports: [{contianerPort: 8081}]
                """;
        String wrongType = """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: x}
                spec: {partitions: six}
                """;
        String kedaUnknownField = """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: x}
                spec:
                  scaleTargetRef: {name: x}
                  maxReplicas: 3
                  triggers: [{type: kafka, metadata: {topic: t}}]
                """;
        assertThatThrownBy(() -> parse(misspelt)).hasMessageContaining("contianerPort");
        assertThatThrownBy(() -> parse(wrongType)).hasMessageContaining("six");
        assertThatThrownBy(() -> parse(kedaUnknownField)).hasMessageContaining("maxReplicas");
    }

    @Test
    void everyFileBelongsToAKustomizationAndEveryReferenceExists() {
        Set<Path> referenced = new HashSet<>();
        for (Manifest manifest : KubernetesManifests.all().stream().filter(m -> m.is(Kustomization.class)).toList()) {
            Path directory = manifest.file().getParent();
            Kustomization kustomization = manifest.as(Kustomization.class);
            Stream.concat(kustomization.resources().stream(),
                            kustomization.patches().stream().map(Kustomization.Patch::path))
                    .map(reference -> directory.resolve(reference).normalize())
                    .forEach(reference -> {
                        assertThat(reference).as("referenced by " + manifest.file()).exists();
                        referenced.add(Files.isDirectory(reference) ? reference.resolve("kustomization.yaml") : reference);
                    });
        }
        assertThat(Repository.kubernetesFiles())
                .as("files under k8s/ that no kustomization uses")
                .allMatch(file -> referenced.contains(file) || file.getFileName().toString().equals("kustomization.yaml")
                        && Repository.K8S.relativize(file).startsWith("overlays"));
    }

    @Test
    void patchesAndImageOverridesTargetWhatTheirBasesDefine() {
        Set<String> resources = new HashSet<>();
        KubernetesManifests.resources().forEach(m -> resources.add(m.kind() + "/" + m.name()));
        assertThat(KubernetesManifests.patches()).isNotEmpty()
                .allSatisfy(patch -> assertThat(resources).as(patch.toString()).contains(patch.kind() + "/" + patch.name()));

        Set<String> images = new HashSet<>();
        KubernetesManifests.all(Deployment.class).flatMap(d -> containers(d).stream())
                .forEach(container -> images.add(container.getImage().split(":")[0]));
        KubernetesManifests.all(Kustomization.class).flatMap(k -> k.images().stream())
                .forEach(image -> assertThat(images).contains(image.name()));
    }

    @Test
    void servicesBudgetsAndAutoscalersSelectExistingDeployments() {
        List<Deployment> deployments = KubernetesManifests.all(Deployment.class).toList();
        for (Deployment deployment : deployments) {
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .as(deployment.getMetadata().getName() + ": the pods carry the selector's labels")
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        }
        KubernetesManifests.all(Service.class).forEach(service -> {
            Deployment target = selected(deployments, service.getSpec().getSelector());
            Set<String> portNames = new HashSet<>();
            containers(target).forEach(c -> c.getPorts().forEach(port -> portNames.add(port.getName())));
            service.getSpec().getPorts().forEach(port -> assertThat(portNames)
                    .as(service.getMetadata().getName() + " targets a named container port")
                    .contains(port.getTargetPort().getStrVal()));
        });
        KubernetesManifests.all(PodDisruptionBudget.class).forEach(budget -> {
            Deployment target = selected(deployments, budget.getSpec().getSelector().getMatchLabels());
            assertThat(minimumReplicas(target))
                    .as(budget.getMetadata().getName() + " leaves a replica running")
                    .isGreaterThan(budget.getSpec().getMaxUnavailable().getIntVal());
        });
        Set<String> names = new HashSet<>();
        deployments.forEach(d -> names.add(d.getMetadata().getName()));
        KubernetesManifests.all(HorizontalPodAutoscaler.class)
                .forEach(hpa -> assertThat(names).contains(hpa.getSpec().getScaleTargetRef().getName()));
        KubernetesManifests.scaledObjects()
                .forEach(so -> assertThat(names).contains(so.tree().path("spec").path("scaleTargetRef").path("name").asText()));
        KubernetesManifests.all(NetworkPolicy.class).forEach(policy -> assertThat(deployments)
                .as(policy.getMetadata().getName() + " selects pods")
                .anyMatch(d -> selects(policy.getSpec().getPodSelector(), d.getSpec().getTemplate().getMetadata().getLabels())));
    }

    @Test
    void podsRunAsNonRootOnAReadOnlyRootFilesystemWithoutPrivileges() {
        KubernetesManifests.all(Deployment.class).forEach(deployment -> {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podSecurity = pod.getSecurityContext();
            String name = deployment.getMetadata().getName();
            assertThat(podSecurity.getRunAsNonRoot()).as(name + " runAsNonRoot").isTrue();
            assertThat(podSecurity.getRunAsUser()).as(name + " runAsUser").isPositive();
            assertThat(podSecurity.getSeccompProfile().getType()).as(name + " seccomp").isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as(name + " mounts no API token").isFalse();
            for (Container container : pod.getContainers()) {
                SecurityContext security = container.getSecurityContext();
                assertThat(security.getReadOnlyRootFilesystem()).as(name + " read-only root").isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as(name + " no privilege escalation").isFalse();
                assertThat(security.getRunAsNonRoot()).as(name + " container runAsNonRoot").isTrue();
                assertThat(security.getCapabilities().getDrop()).as(name + " drops all capabilities").containsExactly("ALL");
                assertThat(security.getPrivileged()).as(name + " privileged").isNotEqualTo(Boolean.TRUE);
                // The root file system is read-only: /tmp (JavaCPP's native cache, uploads) must be a volume.
                assertThat(container.getVolumeMounts()).as(name + " mounts /tmp")
                        .anyMatch(mount -> mount.getMountPath().equals("/tmp"));
            }
        });
    }

    @Test
    void everyContainerHasCpuAndMemoryRequestsAndLimits() {
        KubernetesManifests.all(Deployment.class)
                .flatMap(d -> containers(d).stream()).forEach(container -> {
                    Map<String, Quantity> requests = container.getResources().getRequests();
                    Map<String, Quantity> limits = container.getResources().getLimits();
                    assertThat(requests).as(container.getName() + " requests").containsKeys("cpu", "memory");
                    assertThat(limits).as(container.getName() + " limits").containsKeys("cpu", "memory");
                    assertThat(Quantity.getAmountInBytes(limits.get("memory")))
                            .as(container.getName() + " memory limit >= request")
                            .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));
                });
    }

    @Test
    void everyMountHasAVolumeAndEveryClaimAndConfigMapExists() {
        Set<String> claims = new HashSet<>();
        KubernetesManifests.all(PersistentVolumeClaim.class).forEach(claim -> claims.add(claim.getMetadata().getName()));
        Set<String> configMaps = new HashSet<>();
        KubernetesManifests.all(io.fabric8.kubernetes.api.model.ConfigMap.class)
                .forEach(map -> configMaps.add(map.getMetadata().getName()));
        KubernetesManifests.all(Deployment.class).forEach(deployment -> {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Set<String> volumes = new HashSet<>();
            for (Volume volume : pod.getVolumes()) {
                volumes.add(volume.getName());
                if (volume.getPersistentVolumeClaim() != null) {
                    assertThat(claims).contains(volume.getPersistentVolumeClaim().getClaimName());
                }
            }
            for (Container container : pod.getContainers()) {
                container.getVolumeMounts().forEach(mount -> assertThat(volumes).contains(mount.getName()));
                container.getEnvFrom().forEach(source -> assertThat(configMaps).contains(source.getConfigMapRef().getName()));
            }
        });
    }

    @Test
    void noSecretIsCommittedAndEverySecretReferenceIsDocumented() {
        assertThat(KubernetesManifests.all(Secret.class)).as("Secrets are created by hand, never committed").isEmpty();
        // docs/deployment.md creates each Secret with `kubectl create secret generic NAME --from-literal=KEY=...`.
        Set<String> documented = new HashSet<>();
        String commands = Repository.read(Repository.DEPLOYMENT_DOC).replace("\\\n", " ");
        Matcher command = Pattern.compile("create secret generic ([a-z0-9-]+)(.*)").matcher(commands);
        while (command.find()) {
            Matcher key = Pattern.compile("--from-literal=([a-z0-9-]+)=").matcher(command.group(2));
            while (key.find()) {
                documented.add(command.group(1) + "/" + key.group(1));
            }
        }
        assertThat(documented).isNotEmpty();
        KubernetesManifests.all(Deployment.class).flatMap(d -> containers(d).stream())
                .flatMap(container -> container.getEnv().stream())
                .map(EnvVar::getValueFrom).filter(source -> source != null && source.getSecretKeyRef() != null)
                .forEach(source -> assertThat(documented).as("Secrets created in docs/deployment.md")
                        .contains(source.getSecretKeyRef().getName() + "/" + source.getSecretKeyRef().getKey()));
    }

    static List<Container> containers(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers();
    }

    // A Deployment without replicas is scaled by the autoscaler of an overlay: it runs at least that one's minimum.
    private static int minimumReplicas(Deployment deployment) {
        if (deployment.getSpec().getReplicas() != null) {
            return deployment.getSpec().getReplicas();
        }
        String name = deployment.getMetadata().getName();
        Stream<Integer> hpaMinimums = KubernetesManifests.all(HorizontalPodAutoscaler.class)
                .filter(hpa -> hpa.getSpec().getScaleTargetRef().getName().equals(name))
                .map(hpa -> hpa.getSpec().getMinReplicas());
        Stream<Integer> kedaMinimums = KubernetesManifests.scaledObjects()
                .filter(so -> so.tree().path("spec").path("scaleTargetRef").path("name").asText().equals(name))
                .map(so -> so.tree().path("spec").path("minReplicaCount").asInt());
        return Stream.concat(hpaMinimums, kedaMinimums).min(Integer::compare)
                .orElseThrow(() -> new AssertionError(name + " has neither replicas nor an autoscaler"));
    }

    private static Deployment selected(List<Deployment> deployments, Map<String, String> selector) {
        List<Deployment> matching = deployments.stream()
                .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
        assertThat(matching).as("Deployments selected by " + selector).hasSize(1);
        return matching.get(0);
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        boolean labelsMatch = selector.getMatchLabels() == null
                || labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
        boolean expressionsMatch = selector.getMatchExpressions() == null || selector.getMatchExpressions().stream()
                .allMatch(e -> e.getOperator().equals("In") && e.getValues().contains(labels.get(e.getKey())));
        return labelsMatch && expressionsMatch;
    }

    private static Object parse(String yaml) {
        return KubernetesManifests.parse(Repository.K8S.resolve("test.yaml"), StrictYaml.documents(yaml).get(0));
    }
}
