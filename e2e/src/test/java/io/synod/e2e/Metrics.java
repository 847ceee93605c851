package io.synod.e2e;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's Prometheus scrape, as an operator's Prometheus would read it. */
final class Metrics {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})?\\s+(\\S+).*$");
    private final Map<String, Double> samples;

    private Metrics(Map<String, Double> samples) {
        this.samples = samples;
    }

    static Metrics scrape(String serviceUrl) {
        String text = given().get(serviceUrl + "/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.matches()) {
                samples.put(m.group(1) + normalise(m.group(2)), Double.parseDouble(m.group(3)));
            }
        }
        return new Metrics(samples);
    }

    /** The sample {@code name} whose labels include every one given (key, value, key, value, …); null if none. */
    Double get(String name, String... labels) {
        return samples.entrySet().stream().filter(e -> e.getKey().startsWith(name + "{") || e.getKey().equals(name))
                .filter(e -> {
                    for (int i = 0; i < labels.length; i += 2) {
                        if (!e.getKey().contains(labels[i] + "=\"" + labels[i + 1] + "\"")) {
                            return false;
                        }
                    }
                    return true;
                }).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    double value(String name, String... labels) {
        Double v = get(name, labels);
        if (v == null) {
            throw new AssertionError("no sample " + name + " " + String.join(",", labels) + " in the scrape");
        }
        return v;
    }

    boolean has(String name) {
        return samples.keySet().stream().anyMatch(k -> k.equals(name) || k.startsWith(name + "{"));
    }

    private static String normalise(String labels) {
        return labels == null ? "" : labels;
    }
}
