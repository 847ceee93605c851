package io.synod.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.util.regex.Pattern;

/**
 * A span's identity as a W3C {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}). The outbox keeps it
 * with each fact, so the trace survives the gap between the transaction that wrote the fact and the relay
 * that sends it: the relay writes it as the record's {@code traceparent} header and consumers continue from it.
 */
public final class TraceContext {
    private static final Pattern FORM = Pattern.compile("^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");

    private TraceContext() {}

    /** The current span's traceparent; null when nothing is traced (tracing off, or no span). */
    public static String current() {
        return of(Span.current());
    }

    public static String of(Span span) {
        SpanContext c = span.getSpanContext();
        return c.isValid() ? "00-" + c.getTraceId() + "-" + c.getSpanId() + "-" + c.getTraceFlags().asHex() : null;
    }

    /** The remote parent a traceparent names, as a context to continue from; null if it is not one. */
    public static Context parse(String traceparent) {
        var m = traceparent == null ? null : FORM.matcher(traceparent);
        if (m == null || !m.matches()) {
            return null;
        }
        SpanContext c = SpanContext.createFromRemoteParent(m.group(1), m.group(2), TraceFlags.fromHex(m.group(3), 0),
                TraceState.getDefault());
        return c.isValid() ? Context.root().with(Span.wrap(c)) : null;
    }
}
