package io.synod.bridge;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * The bridge's chain threads block on RPC anyway; their database work (Hibernate Reactive) runs on a
 * Vert.x context and is awaited here.
 */
public final class Blocking {
    private Blocking() {}

    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
