package io.synod.proposal.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synod.events.ChainRef;
import io.synod.proposal.ProposalContent;
import io.synod.proposal.TypeRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** The JSON columns, as domain values. */
@ApplicationScoped
public class Codec {
    private final ObjectMapper json;

    public Codec(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<ChainRef> chains(String s) {
        return read(s, new TypeReference<>() {});
    }

    public TypeRules rules(String s) {
        return read(s, new TypeReference<>() {});
    }

    public Map<String, TypeRules> constitution(String s) {
        return read(s, new TypeReference<>() {});
    }

    public ProposalContent content(String s) {
        return read(s, new TypeReference<>() {});
    }

    public Map<String, Object> map(String s) {
        return s == null ? null : read(s, new TypeReference<>() {});
    }

    public List<Map<String, Object>> list(String s) {
        return read(s, new TypeReference<>() {});
    }

    private <T> T read(String s, TypeReference<T> t) {
        try {
            return json.readValue(s, t);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt record", e);
        }
    }
}
