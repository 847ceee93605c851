package io.synod.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * helm/synod rendered and linted through helm-java (helm's own Go code, no cluster), and the manifests it
 * renders parsed into fabric8's Kubernetes model — strictly: a field the model does not know is an error,
 * as the API server would reject it.
 */
final class RenderedChart {
    static final Path CHART = Path.of("synod").toAbsolutePath();
    private static final Set<String> CUSTOM_KINDS = Set.of("ServiceMonitor");

    private RenderedChart() {}

    /** {@code helm template} with one values file. @throws IllegalStateException with helm's message when refused */
    static List<HasMetadata> template(Path values) {
        return template(CHART, values);
    }

    /**
     * The chart's hooks ({@code helm test} pods) rendered too: helm-java's template leaves hooks out, so a copy
     * of the chart renames the hook annotation ({@code helm.sh/hook} → {@code synod.test/hook}) and renders them
     * as plain manifests.
     */
    static List<HasMetadata> templateWithHooks(Path values) throws IOException {
        Path copy = copyChart();
        try (Stream<Path> files = Files.walk(copy.resolve("templates/tests"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.writeString(f, Files.readString(f).replace("helm.sh/hook", "synod.test/hook"));
            }
        }
        return template(copy, values);
    }

    private static List<HasMetadata> template(Path chart, Path values) {
        return parse(new Helm(chart).template().withName("synod").withNamespace("governance").withKubeVersion("1.30.0")
                .withValuesFile(values).call());
    }

    /** Multi-document YAML into the Kubernetes model; @throws AssertionError on any field Kubernetes does not know */
    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> out = new ArrayList<>();
        for (String doc : yaml.split("(?m)^---\\s*$")) {
            String body = doc.lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n").strip();
            if (body.isEmpty()) {
                continue;
            }
            Map<?, ?> raw = new Yaml().load(body);
            if (CUSTOM_KINDS.contains(String.valueOf(raw.get("kind")))) {
                out.add(Serialization.unmarshal(body, GenericKubernetesResource.class));
                continue;
            }
            HasMetadata parsed = Serialization.unmarshal(body);
            List<String> unknown = new ArrayList<>();
            unknownFields(parsed, parsed.getKind() + " " + parsed.getMetadata().getName(), unknown, new IdentityHashMap<>());
            if (!unknown.isEmpty()) {
                throw new AssertionError("fields the Kubernetes API does not know: " + unknown);
            }
            out.add(parsed);
        }
        return out;
    }

    /** {@code helm lint --strict} with a values file layered over the chart's (helm-java's lint takes none: a copy of the chart does). */
    static LintResult lint(Path values) throws IOException {
        Path copy = copyChart();
        Yaml yaml = new Yaml();
        Map<String, Object> base = yaml.load(Files.readString(CHART.resolve("values.yaml")));
        Map<String, Object> overlay = yaml.load(Files.readString(values));
        Files.writeString(copy.resolve("values.yaml"), yaml.dump(merge(base, overlay)));
        return new Helm(copy).lint().strict().call();
    }

    private static Path copyChart() throws IOException {
        Path copy = Files.createTempDirectory("synod-chart");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(CHART.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        overlay.forEach((k, v) -> out.merge(k, v, (a, b) -> a instanceof Map && b instanceof Map
                ? merge((Map<String, Object>) a, (Map<String, Object>) b) : b));
        return out;
    }

    /** Walks the model; every non-empty {@code additionalProperties} is a field Kubernetes would not accept. */
    private static void unknownFields(Object o, String path, List<String> out, Map<Object, Boolean> seen) {
        if (o == null || seen.put(o, true) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                unknownFields(e, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, out, seen));
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object v = m.invoke(o);
                if (m.getName().equals("getAdditionalProperties")) {
                    if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        out.add(path + " " + extra.keySet());
                    }
                } else {
                    unknownFields(v, path + "." + m.getName().substring(3), out, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
