package de.lotse.decision;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/**
 * The strict JSON rules for reading a case, in one place for the API (applied to Spring's ObjectMapper) and for
 * everything that reads cases outside Spring (scenarios): unknown fields, duplicate keys, trailing content, floats for
 * whole numbers, numbers for codes and strings for numbers or booleans are errors — a misspelt field would otherwise
 * silently be read as "unknown" and change the advice.
 */
public final class CaseJson {

    /** Features switched on (DeserializationFeature, MapperFeature or JsonParser.Feature). */
    public static final List<Object> ENABLED = List.of(
            DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
            // "language": 1 would otherwise be read as the second constant (en): a number is not a code
            DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
            JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** Features switched off. */
    public static final List<Object> DISABLED = List.of(
            DeserializationFeature.ACCEPT_FLOAT_AS_INT,
            MapperFeature.ALLOW_COERCION_OF_SCALARS);

    private CaseJson() {
    }

    /** A mapper with these rules, for use without Spring. */
    public static JsonMapper mapper() {
        JsonMapper.Builder builder = JsonMapper.builder().addModule(new JavaTimeModule());
        ENABLED.forEach(f -> configure(builder, f, true));
        DISABLED.forEach(f -> configure(builder, f, false));
        return builder.build();
    }

    private static void configure(JsonMapper.Builder builder, Object feature, boolean on) {
        if (feature instanceof DeserializationFeature f) {
            builder.configure(f, on);
        } else if (feature instanceof MapperFeature f) {
            builder.configure(f, on);
        } else if (feature instanceof JsonParser.Feature f) {
            builder.configure(f, on);
        } else {
            throw new IllegalArgumentException("unsupported feature " + feature);
        }
    }
}
