package de.lotse.decision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import de.lotse.decision.Advice.TraceEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceEntryJsonTest {

    /** Jackson's own serialization of the record, for comparison. */
    @JsonSerialize(using = JsonSerializer.None.class)
    interface PlainTraceEntry {
    }

    private final ObjectMapper mapper = CaseJson.mapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final ObjectMapper plain = mapper.copy().addMixIn(TraceEntry.class, PlainTraceEntry.class);

    private static final List<TraceEntry> AWKWARD = List.of(
            new TraceEntry("§ 18g Abs. 1 Satz 1 AufenthG: the salary reaches the general Blue Card threshold", "§ 18g Abs. 1 AufenthG"),
            new TraceEntry("quotes \" and backslash \\ and / slash", "tab\tnewline\ncontrol\u0001"),
            new TraceEntry("Umlaute äöüß – dash, emoji \uD83D\uDE00, U+2028 \u2028", "Art. 5 RL (EU) 2021/1883"),
            new TraceEntry("no citation", null),
            new TraceEntry("", ""));

    @Test
    void writesWhatJacksonWritesForTheRecord() throws Exception {
        Advice advice = new Advice("id", null, LocalDate.of(2026, 3, 9), "sha256:x", Language.en, null, List.of(), null,
                AWKWARD, "disclaimer");
        assertThat(mapper.getSerializerProviderInstance().findValueSerializer(TraceEntry.class))
                .isInstanceOf(TraceEntryJson.class);
        String expected = plain.writeValueAsString(advice);
        assertThat(expected).contains("\"trace\":[{\"rule\":\"§ 18g Abs. 1 Satz 1 AufenthG");
        // twice: the first encodes and keeps the entries, the second writes what was kept
        assertThat(mapper.writeValueAsString(advice)).isEqualTo(expected);
        assertThat(mapper.writeValueAsString(advice)).isEqualTo(expected);
        assertThat(new String(mapper.writeValueAsBytes(advice), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(mapper.readTree(expected).get("trace").get(1).get("legalBasis").asText()).isEqualTo("tab\tnewline\ncontrol\u0001");
    }

    @Test
    void anEntryInsideOtherValuesStaysWellFormed() throws Exception {
        List<Object> mixed = List.of(AWKWARD.get(0), 1, List.of(AWKWARD.get(1), AWKWARD.get(2)), "x");
        assertThat(mapper.writeValueAsString(mixed)).isEqualTo(plain.writeValueAsString(mixed));
    }

    @Test
    void keepsAtMostTheLimit() throws Exception {
        TraceEntryJson serializer = new TraceEntryJson();
        List<TraceEntry> many = new ArrayList<>();
        for (int i = 0; i <= TraceEntryJson.LIMIT; i++) {
            many.add(new TraceEntry("rule " + i, "§ " + i));
        }
        java.io.StringWriter out = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartArray();
            for (TraceEntry entry : many) {
                serializer.serialize(entry, json, null);
            }
            json.writeEndArray();
        }
        assertThat(out.toString()).isEqualTo(plain.writeValueAsString(many));
        assertThat(serializer.cached()).isBetween(1, TraceEntryJson.LIMIT);
    }
}
