package io.synod.bridge.watch;

import io.reactivex.disposables.Disposable;
import java.net.ConnectException;
import org.jboss.logging.Logger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.websocket.WebSocketService;

/**
 * newHeads over WebSocket, only to wake a watcher at once: the watcher reads everything over HTTP, so a
 * dropped socket costs latency (polling takes over), never a block. Reconnects in the background.
 */
final class HeadSubscription implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HeadSubscription.class);
    private final long chainId;
    private final String url;
    private final Runnable onHead;
    private volatile boolean closed;
    private volatile WebSocketService service;
    private volatile Disposable subscription;
    private final Thread keeper;

    HeadSubscription(long chainId, String url, Runnable onHead) {
        this.chainId = chainId;
        this.url = url;
        this.onHead = onHead;
        this.keeper = Thread.ofVirtual().name("ws-" + chainId).start(this::keep);
    }

    private void keep() {
        while (!closed) {
            if (subscription == null || subscription.isDisposed()) {
                connect();
            }
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void connect() {
        try {
            WebSocketService ws = new WebSocketService(url, false);
            ws.connect();
            service = ws;
            subscription = Web3j.build(ws).newHeadsNotifications().subscribe(n -> onHead.run(), e -> {
                LOG.debugf("chain %d: newHeads stream ended (%s); polling until it is back", chainId, e.getMessage());
                disposeQuietly();
            });
        } catch (ConnectException | RuntimeException e) {
            // the URL may embed an API key: say which chain, not which URL
            LOG.debugf("chain %d: no WebSocket (%s); polling", chainId, e.getMessage());
            disposeQuietly();
        }
    }

    private void disposeQuietly() {
        Disposable s = subscription;
        if (s != null) {
            s.dispose();
        }
        WebSocketService ws = service;
        if (ws != null) {
            try {
                ws.close();
            } catch (RuntimeException ignored) {
                // already closed
            }
        }
    }

    boolean connected() {
        Disposable s = subscription;
        return s != null && !s.isDisposed();
    }

    @Override
    public void close() {
        closed = true;
        keeper.interrupt();
        disposeQuietly();
    }
}
