package de.lotse.decision;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import de.lotse.decision.Advice.TraceEntry;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a trace entry from its JSON, encoded once per rule instead of once per decision. The trace is constant per
 * rule (name and citation) and lists every rule that fired, ~117 per decision of the test-cases/ mix: encoding its
 * strings (most with "§", which leaves Jackson's ASCII fast path) took half the time of writing a whole answer
 * (docs/performance.md, fifth round). The output is the same as Jackson's own for the record: an object with
 * {@code rule} and {@code legalBasis}, in that order (pinned by TraceEntryJsonTest against a plain mapper).
 */
final class TraceEntryJson extends StdSerializer<TraceEntry> {

    /** Rules of a few knowledge-base versions; beyond that the cache starts again (reloads add new citations). */
    static final int LIMIT = 4096;
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Map<TraceEntry, SerializedString> encoded = new ConcurrentHashMap<>();

    TraceEntryJson() {
        super(TraceEntry.class);
    }

    @Override
    public void serialize(TraceEntry entry, JsonGenerator generator, SerializerProvider provider) throws IOException {
        SerializedString json = encoded.get(entry);
        if (json == null) {
            json = new SerializedString(encode(entry));
            if (encoded.size() >= LIMIT) {
                encoded.clear();
            }
            encoded.put(entry, json);
        }
        generator.writeRawValue(json);
    }

    int cached() { return encoded.size(); }

    private static String encode(TraceEntry entry) throws IOException {
        StringWriter out = new StringWriter(entry.rule().length() + 64);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("rule", entry.rule());
            json.writeStringField("legalBasis", entry.legalBasis());
            json.writeEndObject();
        }
        return out.toString();
    }
}
