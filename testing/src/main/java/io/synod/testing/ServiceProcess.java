package io.synod.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) run as its own process, as
 * in production, configured through its environment. Ready when its readiness check says so.
 */
public final class ServiceProcess implements AutoCloseable {
    private final String module;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    public ServiceProcess(String module, int port, Map<String, String> env) {
        this.module = module;
        this.port = port;
        this.env = env;
        this.log = Tools.root().getParent().resolve(module).resolve("target/" + module + "-process.log");
    }

    /** Changes one environment variable for the next start (null removes it). */
    public synchronized ServiceProcess withEnv(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public synchronized ServiceProcess start() {
        Path jar = Tools.root().getParent().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn install)");
        }
        if (Processes.portOpen(port)) {
            throw new IllegalStateException("port " + port + " is taken: is another " + module + " running?");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        // tests favour start-up (C1 only, small heap); benchmarks pass production-like options instead
        cmd.addAll(List.of(System.getProperty("synod.service.jvm-opts",
                "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1").trim().split("\\s+")));
        cmd.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + module, e);
        }
        awaitReady(Duration.ofSeconds(90));
        return this;
    }

    /** Kills the process without a graceful shutdown, as a crash would. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(module + " exited during start-up; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Processes.sleep(200);
        }
        throw new IllegalStateException(module + " not ready after " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
