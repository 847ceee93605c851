package io.synod.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** k8s/: the generated manifests are the build's, parse strictly, and every kustomization points at real files. */
class KustomizeManifestsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path K8S = ROOT.resolve("k8s");

    @ParameterizedTest
    @ValueSource(strings = {"proposal-service", "voting-service", "bridge-service", "treasury-service"})
    void generatedManifestsAreWhatTheBuildGenerates(String service) throws IOException {
        Path built = ROOT.resolve(service + "/target/kubernetes/kubernetes.yml");
        assertTrue(Files.exists(built), built + " is missing: the services build before this module");
        // compared as data: the generator does not keep the order of labels from one build to the next
        List<Object> committed = documents(Files.readString(K8S.resolve("base/generated/" + service + ".yaml")));
        assertEquals(documents(Files.readString(built)), committed, "k8s/base/generated/" + service + ".yaml is stale: run bin/k8s-sync");
    }

    @Test
    void generatedDeploymentsHaveProbesResourcesAndANonRootPod() throws IOException {
        for (Path f : files(K8S.resolve("base/generated"))) {
            List<Deployment> ds = RenderedChart.parse(Files.readString(f)).stream().filter(Deployment.class::isInstance)
                    .map(Deployment.class::cast).toList();
            assertEquals(1, ds.size(), f.toString());
            var pod = ds.getFirst().getSpec().getTemplate().getSpec();
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), f.toString());
            var c = pod.getContainers().getFirst();
            assertNotNull(c.getLivenessProbe().getHttpGet(), f.toString());
            assertNotNull(c.getReadinessProbe().getHttpGet(), f.toString());
            assertNotNull(c.getStartupProbe().getHttpGet(), f.toString());
            assertNotNull(c.getResources().getLimits().get("memory"), f.toString());
            assertFalse(c.getImage().contains("/") && c.getImage().split("/")[0].contains("."),
                    "no registry host in the generated image name: " + c.getImage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/prod/autoscaling.yaml", "overlays/prod/disruption-budgets.yaml",
            "overlays/prod/service-monitors.yaml"})
    void overlayManifestsParseStrictly(String file) throws IOException {
        List<HasMetadata> parsed = RenderedChart.parse(Files.readString(K8S.resolve(file)));
        assertFalse(parsed.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    @SuppressWarnings("unchecked")
    void kustomizationsPointAtRealFiles(String dir) throws IOException {
        Map<String, Object> k = new Yaml().load(Files.readString(K8S.resolve(dir + "/kustomization.yaml")));
        for (String r : (List<String>) k.get("resources")) {
            assertTrue(Files.exists(K8S.resolve(dir).resolve(r)), dir + ": " + r);
        }
        List<Map<String, Object>> secrets = (List<Map<String, Object>>) k.getOrDefault("secretGenerator", List.of());
        for (Map<String, Object> s : secrets) {
            for (String env : (List<String>) s.get("envs")) {
                assertTrue(Files.exists(K8S.resolve(dir).resolve(env + ".example")), dir + ": an example for " + env);
            }
        }
    }

    @Test
    void theBaseHardensEveryContainer() throws IOException {
        String base = Files.readString(K8S.resolve("base/kustomization.yaml"));
        assertTrue(base.contains("readOnlyRootFilesystem: true") && base.contains("allowPrivilegeEscalation: false"));
    }

    private static List<Object> documents(String yaml) {
        List<Object> docs = new java.util.ArrayList<>();
        new Yaml().loadAll(yaml).forEach(d -> {
            if (d != null) {
                docs.add(d);
            }
        });
        return docs;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
