package io.synod.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Starting the infrastructure's own processes: detached, so the next module's tests reuse them. */
final class Processes {
    private Processes() {}

    static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts in a new session (setsid): it outlives this JVM and is reused by later test JVMs. */
    static void startDetached(List<String> command, Path log) {
        List<String> cmd = new ArrayList<>();
        cmd.add("setsid");
        cmd.addAll(command);
        try {
            new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command.get(0), e);
        }
    }

    static void awaitPort(int port, Duration timeout, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!portOpen(port)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("nothing listens on port " + port + " after " + timeout + "; see " + log);
            }
            sleep(50);
        }
    }

    /** Runs a short command to completion; returns its exit code. Output goes to the log. */
    static int run(List<String> command, Path log, java.util.Map<String, String> env) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            return pb.start().waitFor();
        } catch (IOException e) {
            return 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
