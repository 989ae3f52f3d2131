package org.xray.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import org.junit.jupiter.api.Test;
import org.xray.contracts.kafka.TopicSpec;
import org.xray.contracts.kafka.Topics;

/** k8s/ against the services: what the manifests set is what the applications serve and read. */
class KubernetesServicesTest {

    // The parameters of KEDA's kafka scaler (pkg/scalers/kafka_scaler.go, KEDA 2.20.2) that go in trigger metadata;
    // KEDA's CRD types the metadata as a free string map, so its keys are checked here.
    private static final Set<String> KEDA_KAFKA_METADATA = Set.of("bootstrapServers", "consumerGroup", "topic",
            "partitionLimitation", "lagThreshold", "activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers",
            "excludePersistentLag", "scaleToZeroOnInvalidOffset", "limitToPartitionsWithLag",
            "ensureEvenDistributionOfPartitions", "version", "tls", "unsafeSsl", "sasl", "saslTokenProvider", "awsRegion");

    @Test
    void everyServiceHasADeploymentAndAService() {
        assertThat(KubernetesManifests.all(Deployment.class).map(d -> d.getMetadata().getName()))
                .containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
        assertThat(KubernetesManifests.all(Service.class).map(s -> s.getMetadata().getName()))
                .containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
    }

    @Test
    void containerPortsAndProbesMatchWhatTheServicesServe() {
        for (Deployment deployment : KubernetesManifests.all(Deployment.class).toList()) {
            ServiceJar service = ServiceJar.named(deployment.getMetadata().getName());
            Container container = KubernetesManifestsTest.containers(deployment).get(0);
            int port = Optional.ofNullable(environment(container).get("QUARKUS_HTTP_PORT")).map(Integer::parseInt)
                    .orElse(service.httpPort());
            ContainerPort http = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow();
            assertThat(http.getContainerPort()).as(service + " container port").isEqualTo(port);

            assertThat(path(container.getLivenessProbe().getHttpGet())).as(service + " liveness").isEqualTo("/q/health/live");
            assertThat(path(container.getReadinessProbe().getHttpGet())).as(service + " readiness").isEqualTo("/q/health/ready");
            assertThat(service.healthPaths()).as(service + " serves its probes' paths")
                    .contains(path(container.getLivenessProbe().getHttpGet()), path(container.getReadinessProbe().getHttpGet()),
                            path(container.getStartupProbe().getHttpGet()));
            for (HTTPGetAction probe : new HTTPGetAction[] {container.getLivenessProbe().getHttpGet(),
                    container.getReadinessProbe().getHttpGet(), container.getStartupProbe().getHttpGet()}) {
                assertThat(resolve(probe.getPort(), container)).as(service + " probe port").isEqualTo(port);
            }
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .as(service + " metrics").containsEntry("prometheus.io/port", Integer.toString(port))
                    .containsEntry("prometheus.io/path", service.property("quarkus.micrometer.export.prometheus.path").orElse("/q/metrics"));

            Service kubernetesService = KubernetesManifests.all(Service.class)
                    .filter(s -> s.getMetadata().getName().equals(service.name())).findFirst().orElseThrow();
            assertThat(kubernetesService.getSpec().getPorts()).singleElement().satisfies(servicePort -> {
                assertThat(servicePort.getPort()).as(service + " Service port").isEqualTo(port);
                assertThat(resolve(servicePort.getTargetPort(), container)).isEqualTo(port);
            });
        }
    }

    @Test
    void everyEnvironmentVariableIsReadByItsService() {
        for (Deployment deployment : KubernetesManifests.all(Deployment.class).toList()) {
            ServiceJar service = ServiceJar.named(deployment.getMetadata().getName());
            for (Container container : KubernetesManifestsTest.containers(deployment)) {
                assertThat(environment(container).keySet()).as(service + ": variables it does not read")
                        .isSubsetOf(service.environmentVariablesRead());
            }
        }
    }

    @Test
    void everyRequiredSettingIsSet() {
        for (Deployment deployment : KubernetesManifests.all(Deployment.class).toList()) {
            ServiceJar service = ServiceJar.named(deployment.getMetadata().getName());
            Container container = KubernetesManifestsTest.containers(deployment).get(0);
            assertThat(environment(container).keySet()).as(service + ": settings without a production value")
                    .containsAll(service.requiredEnvironmentVariables());
        }
    }

    @Test
    void theTrainerKeepsItsDataOnAWritablePersistentVolume() {
        Deployment trainer = deployment("trainer-service");
        Container container = KubernetesManifestsTest.containers(trainer).get(0);
        String dataDirectory = environment(container).get(ServiceJar.environmentName("xray.trainer.data-dir"));
        VolumeMount mount = container.getVolumeMounts().stream()
                .filter(m -> (dataDirectory + "/").startsWith(m.getMountPath() + "/")).findFirst().orElseThrow();
        assertThat(mount.getReadOnly()).isNotEqualTo(Boolean.TRUE);
        Volume volume = trainer.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertThat(volume.getPersistentVolumeClaim()).as("the data directory's volume").isNotNull();
    }

    @Test
    void servicesAndKedaConnectToTheKafkaClustersPlainListener() {
        Kafka kafka = KubernetesManifests.all(Kafka.class).findFirst().orElseThrow();
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream()
                .filter(listener -> !listener.isTls()).findFirst().orElseThrow();
        String bootstrap = kafka.getMetadata().getName() + "-kafka-bootstrap:" + plain.getPort();
        for (Deployment deployment : KubernetesManifests.all(Deployment.class).toList()) {
            assertThat(environment(KubernetesManifestsTest.containers(deployment).get(0)))
                    .as(deployment.getMetadata().getName()).containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        }
        // KEDA's operator runs in its own namespace: only the fully qualified name resolves there.
        String qualified = kafka.getMetadata().getName() + "-kafka-bootstrap." + KubernetesManifests.NAMESPACE
                + ".svc:" + plain.getPort();
        KubernetesManifests.scaledObjects().forEach(scaledObject -> assertThat(kafkaTrigger(scaledObject)
                .path("bootstrapServers").asText()).isEqualTo(qualified));
        for (NetworkPolicy policy : KubernetesManifests.all(NetworkPolicy.class).toList()) {
            assertThat(policy.getSpec().getEgress()).as(policy.getMetadata().getName() + " lets the services reach Kafka")
                    .anySatisfy(rule -> assertThat(rule.getPorts()).anySatisfy(port ->
                            assertThat(port.getPort().getIntVal()).isEqualTo(plain.getPort())));
        }
    }

    @Test
    void theScorerScalesOnTheLagOfItsOwnConsumerGroupUpToOneConsumerPerPartition() {
        ServiceJar scoring = ServiceJar.named("scoring-service");
        int consumersPerReplica = Integer.parseInt(environment(KubernetesManifestsTest.containers(deployment("scoring-service")).get(0))
                .get("XRAY_SCORING_WORKERS"));
        assertThat(KubernetesManifests.scaledObjects()).isNotEmpty().allSatisfy(scaledObject -> {
            JsonNode trigger = kafkaTrigger(scaledObject);
            assertThat(trigger.fieldNames()).toIterable().isSubsetOf(KEDA_KAFKA_METADATA);
            String topic = trigger.path("topic").asText();
            String channel = incomingChannelOf(scoring, topic);
            assertThat(trigger.path("consumerGroup").asText()).isEqualTo(scoring.property(channel + ".group.id").orElseThrow());
            assertThat(trigger.path("offsetResetPolicy").asText()).isEqualTo(scoring.property(channel + ".auto.offset.reset").orElseThrow());
            assertThat(scaledObject.tree().path("spec").path("maxReplicaCount").asInt() * consumersPerReplica)
                    .as("consumers at the most replicas").isLessThanOrEqualTo(partitions(topic));
        });
        assertThat(KubernetesManifests.all(HorizontalPodAutoscaler.class)).isNotEmpty().allSatisfy(hpa ->
                assertThat(hpa.getSpec().getMaxReplicas() * consumersPerReplica).as("consumers at the most replicas")
                        .isLessThanOrEqualTo(partitions(scoring.property(incomingChannelOf(scoring, Topics.PREPROCESSED_IMAGES) + ".topic").orElseThrow())));
    }

    /** The container's environment as the application sees it: the ConfigMaps it imports, then its own entries. */
    static Map<String, String> environment(Container container) {
        Map<String, String> environment = new LinkedHashMap<>();
        container.getEnvFrom().forEach(source -> environment.putAll(KubernetesManifests.all(ConfigMap.class)
                .filter(map -> map.getMetadata().getName().equals(source.getConfigMapRef().getName()))
                .findFirst().orElseThrow().getData()));
        container.getEnv().forEach(variable -> environment.put(variable.getName(),
                variable.getValue() != null ? variable.getValue() : "(from " + variable.getValueFrom() + ")"));
        return environment;
    }

    static int partitions(String topic) {
        return Topics.specs().stream().filter(spec -> spec.name().equals(topic)).mapToInt(TopicSpec::partitions)
                .findFirst().orElseThrow(() -> new AssertionError(topic + " is not one of Topics.specs()"));
    }

    private static String incomingChannelOf(ServiceJar service, String topic) {
        return Topics.specs().stream().map(TopicSpec::name).filter(topic::equals).findFirst()
                .flatMap(known -> service.incomingChannelReading(known))
                .orElseThrow(() -> new AssertionError(service + " has no incoming channel on " + topic));
    }

    private static JsonNode kafkaTrigger(Manifest scaledObject) {
        JsonNode trigger = scaledObject.tree().path("spec").path("triggers").get(0);
        assertThat(trigger.path("type").asText()).isEqualTo("kafka");
        return trigger.path("metadata");
    }

    private static Deployment deployment(String name) {
        return KubernetesManifests.all(Deployment.class).filter(d -> d.getMetadata().getName().equals(name))
                .findFirst().orElseThrow();
    }

    private static String path(HTTPGetAction probe) {
        return probe.getPath();
    }

    // A port given by name refers to one of the container's ports.
    private static int resolve(IntOrString port, Container container) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .mapToInt(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
    }
}
