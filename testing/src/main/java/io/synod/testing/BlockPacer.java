package io.synod.testing;

import java.util.List;

/**
 * Mines an empty block every second on automine chains, so their clocks and finality move like a live
 * chain's even when no one sends a transaction. A daemon thread; {@link #close()} stops it.
 */
public final class BlockPacer implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean paused;

    public BlockPacer(List<TestChain> chains) {
        thread = Thread.ofPlatform().daemon().name("block-pacer").start(() -> {
            while (running) {
                for (TestChain c : chains) {
                    if (!paused) {
                        mine(c);
                    }
                }
                Processes.sleep(1_000);
            }
        });
    }

    /** Chains stand still (only explicit mining moves them) until {@link #resume()}. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    private static void mine(TestChain c) {
        try {
            c.rpc("evm_mine", List.of());
        } catch (RuntimeException ignored) {
            // a chain restarting: the next second tries again
        }
    }

    @Override
    public void close() {
        running = false;
    }
}
