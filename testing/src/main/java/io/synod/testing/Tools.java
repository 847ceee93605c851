package io.synod.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the pinned toolchain lives: {@code tools/} at the repository root (see bin/setup). */
public final class Tools {
    private Tools() {}

    public static Path root() {
        String configured = System.getProperty("synod.tools", System.getenv("SYNOD_TOOLS"));
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("tools/package.json"))) {
                return p.resolve("tools");
            }
        }
        throw new IllegalStateException("tools/ not found: run bin/setup from the repository root");
    }

    public static Path anvil() {
        return require(root().resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil"));
    }

    public static Path kafkaLibs() {
        return require(root().resolve("kafka/libs"));
    }

    /** Scratch space for the local infrastructure's data and logs; survives between test runs. */
    public static Path stateDir(String name) {
        Path p = Path.of(System.getProperty("java.io.tmpdir"), "synod-infra", name);
        try {
            Files.createDirectories(p);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return p;
    }

    private static Path require(Path p) {
        if (!Files.exists(p)) {
            throw new IllegalStateException(p + " is missing: run bin/setup (installs the toolchain)");
        }
        return p;
    }
}
