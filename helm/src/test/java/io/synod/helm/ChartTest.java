package io.synod.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What a platform team relies on when it runs {@code helm install}: checked on the rendered chart. */
class ChartTest {
    static final Path MINIMAL = RenderedChart.CHART.resolve("ci/minimal-values.yaml");
    static final Path PRODUCTION = RenderedChart.CHART.resolve("ci/production-values.yaml");
    static final Set<String> SERVICES = Set.of("proposal-service", "voting-service", "bridge-service", "treasury-service");
    /** Environment variables that carry secrets: they must come from a Secret, never inline. */
    static final Pattern SECRET_ENV = Pattern.compile(".*(PASSWORD|PRIVATE_KEY|RPC_URLS|WS_URL|PUBLICKEY|USERNAME).*");

    @ParameterizedTest
    @ValueSource(strings = {"ci/minimal-values.yaml", "ci/production-values.yaml"})
    void lintsStrictly(String values) throws IOException {
        LintResult r = RenderedChart.lint(RenderedChart.CHART.resolve(values));
        assertFalse(r.isFailed(), String.join("\n", r.getMessages()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ci/minimal-values.yaml", "ci/production-values.yaml"})
    void everyServiceHasProbesResourcesAndRunsAsNonRootOnAReadOnlyFilesystem(String values) {
        List<HasMetadata> all = RenderedChart.template(RenderedChart.CHART.resolve(values));
        List<Deployment> deployments = of(all, Deployment.class);
        for (ConfigMap m : of(all, ConfigMap.class)) {
            m.getData().keySet().forEach(k -> assertFalse(SECRET_ENV.matcher(k).matches(), m.getMetadata().getName() + ": " + k
                    + " belongs in a Secret, not a ConfigMap"));
        }
        assertEquals(SERVICES, deployments.stream().map(d -> d.getMetadata().getLabels().get("app.kubernetes.io/name"))
                .collect(Collectors.toSet()));
        for (Deployment d : deployments) {
            var pod = d.getSpec().getTemplate().getSpec();
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), d.getMetadata().getName());
            assertFalse(pod.getAutomountServiceAccountToken());
            for (Container c : pod.getContainers()) {
                String where = d.getMetadata().getName() + "/" + c.getName();
                assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath(), where);
                assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath(), where);
                assertEquals("/q/health/started", c.getStartupProbe().getHttpGet().getPath(), where);
                assertNotNull(c.getResources().getRequests().get("cpu"), where);
                assertNotNull(c.getResources().getRequests().get("memory"), where);
                assertNotNull(c.getResources().getLimits().get("memory"), where);
                assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), where);
                assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), where);
                assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop(), where);
                for (EnvVar e : c.getEnv()) {
                    if (SECRET_ENV.matcher(e.getName()).matches()) {
                        assertNotNull(e.getValueFrom() == null ? null : e.getValueFrom().getSecretKeyRef(),
                                where + ": " + e.getName() + " must come from a Secret");
                    }
                }
            }
        }
    }

    @Test
    void productionValuesWireChainsSecretsAutoscalingAndMonitoring() throws IOException {
        List<HasMetadata> all = RenderedChart.template(PRODUCTION);
        Deployment bridge = byName(of(all, Deployment.class), "synod-bridge-service");
        Container c = bridge.getSpec().getTemplate().getSpec().getContainers().getFirst();
        Map<String, EnvVar> env = c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertEquals("synod-bridge-service", c.getEnvFrom().getFirst().getConfigMapRef().getName());
        Map<String, String> config = of(all, ConfigMap.class).stream().filter(m -> m.getMetadata().getName()
                .equals("synod-bridge-service")).findFirst().orElseThrow().getData();
        assertEquals("42161", config.get("BRIDGE_CHAINS_0__CHAIN_ID"));
        assertEquals("0x2222222222222222222222222222222222222222", config.get("BRIDGE_CHAINS_0__VAULTS"));
        assertEquals("confirmations:20", config.get("BRIDGE_CHAINS_2__FINALITY"));
        assertEquals("http://otel-collector.observability:4317", config.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"));
        assertEquals("synod-rpc", env.get("BRIDGE_CHAINS_0__RPC_URLS").getValueFrom().getSecretKeyRef().getName());
        assertEquals("synod-relayer", env.get("BRIDGE_RELAYER_PRIVATE_KEY").getValueFrom().getSecretKeyRef().getName());
        // Kafka over SASL_SSL: protocol and mechanism as config, the JAAS line (it holds the password) from a Secret
        assertEquals("SASL_SSL", config.get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("SCRAM-SHA-512", config.get("KAFKA_SASL_MECHANISM"));
        assertEquals("synod-kafka", env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef().getName());
        assertEquals("sasl.jaas.config", env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef().getKey());
        assertEquals("registry.example.org/governance/synod/bridge-service:0.1.0-native", c.getImage());
        assertEquals(null, bridge.getSpec().getReplicas(), "the HPA owns the replica count");

        assertEquals(Set.of("synod-voting-service", "synod-bridge-service"), of(all, HorizontalPodAutoscaler.class).stream()
                .map(h -> h.getMetadata().getName()).collect(Collectors.toSet()));
        assertEquals(4, of(all, PodDisruptionBudget.class).size());
        assertEquals(4, of(all, NetworkPolicy.class).size());
        assertEquals(4, all.stream().filter(r -> r.getKind().equals("ServiceMonitor")).count());
        Pod test = of(RenderedChart.templateWithHooks(PRODUCTION), Pod.class).getFirst();
        assertEquals("test", test.getMetadata().getAnnotations().get("synod.test/hook"));
        assertTrue(test.getSpec().getContainers().getFirst().getArgs().getFirst().contains("synod-treasury-service/q/health/ready"));
    }

    @Test
    void minimalValuesLeaveTheOptionalPartsOut() {
        List<HasMetadata> all = RenderedChart.template(MINIMAL);
        assertEquals(0, all.stream().filter(r -> r.getKind().equals("ServiceMonitor")).count());
        Deployment bridge = byName(of(all, Deployment.class), "synod-bridge-service");
        assertTrue(bridge.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                .noneMatch(e -> e.getName().startsWith("BRIDGE_")));
        assertTrue(of(all, ConfigMap.class).stream().allMatch(m -> m.getData().keySet().stream()
                .noneMatch(k -> k.startsWith("BRIDGE_") || k.startsWith("QUARKUS_OTEL") || k.startsWith("KAFKA_S"))));
        assertTrue(bridge.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv().stream()
                .noneMatch(e -> e.getName().startsWith("KAFKA_")));
        assertEquals("synod/voting-service:0.1.0", byName(of(all, Deployment.class), "synod-voting-service").getSpec()
                .getTemplate().getSpec().getContainers().getFirst().getImage());
    }

    /** Values the schema must refuse before anything is rendered: wrong types, unknown keys, unsafe settings. */
    @ParameterizedTest
    @ValueSource(strings = {"unknown-key", "wrong-type", "root-user", "writable-root", "bad-spoke", "bad-finality",
            "inline-relayer-key", "bad-kafka", "inline-kafka-password", "unknown-chain-field"})
    void refusesBadValues(String name) {
        Path bad = Path.of("src/test/resources/values/" + name + ".yaml").toAbsolutePath();
        RuntimeException e = assertThrows(RuntimeException.class, () -> RenderedChart.template(bad));
        assertTrue(e.getMessage().contains("values don't meet the specifications of the schema"), e.getMessage());
    }

    @Test
    void requiredValuesAreNamedWhenMissing() {
        Path noKafka = Path.of("src/test/resources/values/no-kafka.yaml").toAbsolutePath();
        RuntimeException e = assertThrows(RuntimeException.class, () -> RenderedChart.template(noKafka));
        assertTrue(e.getMessage().contains("kafka.bootstrapServers is required"), e.getMessage());
    }

    @Test
    void theStrictParserRefusesFieldsKubernetesDoesNotKnow() {
        String typo = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replica: 2
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers: [{name: c, image: i, livenessProbes: {}}]
                """;
        AssertionError e = assertThrows(AssertionError.class, () -> RenderedChart.parse(typo));
        assertTrue(e.getMessage().contains("replica") && e.getMessage().contains("livenessProbes"), e.getMessage());
    }

    static <T> List<T> of(List<HasMetadata> all, Class<T> kind) {
        return all.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    static Deployment byName(List<Deployment> ds, String name) {
        return ds.stream().filter(d -> d.getMetadata().getName().equals(name)).findFirst().orElseThrow();
    }
}
