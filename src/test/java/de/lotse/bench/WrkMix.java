package de.lotse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the case mix of {@link CaseMix} as a wrk Lua script that posts every request in turn to
 * {@code /api/v1/decisions}, so the load test ({@code scripts/load-test.sh}) sends exactly the mix the engine
 * benchmark decides. Usage: {@code WrkMix <file.lua>}.
 */
public final class WrkMix {

    private WrkMix() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: WrkMix <file.lua>");
        }
        CaseMix mix = new CaseMix();
        Files.writeString(Path.of(args[0]), lua(mix), StandardCharsets.UTF_8);
        System.out.println("== case mix: " + mix.requests.size() + " scenario requests of test-cases/");
    }

    static String lua(CaseMix mix) throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder out = new StringBuilder("local bodies = {\n");
        for (JsonNode request : mix.requests) {
            String body = json.writeValueAsString(request);
            if (body.contains("]==]")) {
                throw new IllegalStateException("a request contains the Lua string delimiter ]==]");
            }
            out.append("[==[").append(body).append("]==],\n");
        }
        return out.append("}\nlocal i = 0\nlocal headers = {[\"Content-Type\"] = \"application/json\"}\n")
                .append("request = function()\n  i = i % #bodies + 1\n")
                .append("  return wrk.format(\"POST\", \"/api/v1/decisions\", headers, bodies[i])\nend\n")
                .toString();
    }
}
