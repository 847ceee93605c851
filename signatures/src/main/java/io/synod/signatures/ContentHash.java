package io.synod.signatures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.web3j.utils.Numeric;

/**
 * {@code contentHash = keccak256(canonical JSON of the content)}: object keys sorted, no whitespace, nulls
 * omitted (RFC 8785 for the strings and integers such content holds). Proposal authors and grant
 * applicants sign it.
 */
public final class ContentHash {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            .build();

    private ContentHash() {}

    public static String canonicalJson(Object content) {
        try {
            return CANONICAL.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static String of(Object content) {
        return Numeric.toHexString(Keccak.hash(canonicalJson(content)));
    }
}
