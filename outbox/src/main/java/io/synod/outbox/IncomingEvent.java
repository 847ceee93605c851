package io.synod.outbox;

import io.synod.events.CloudEvents;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A consumed record's CloudEvent attributes, read from its {@code ce_*} headers. */
public record IncomingEvent(String id, String type, String source, String key, String payload) {

    public static IncomingEvent of(ConsumerRecord<String, String> record) {
        return new IncomingEvent(header(record, CloudEvents.H_ID), header(record, CloudEvents.H_TYPE),
                header(record, CloudEvents.H_SOURCE), record.key(), record.value());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
