package de.lotse.hardening;

import static de.lotse.hardening.Api.BATCH;
import static de.lotse.hardening.Api.DECISIONS;
import static de.lotse.hardening.Api.JSON;
import static de.lotse.hardening.Api.MAPPER;
import static de.lotse.hardening.Api.assertAdvice;
import static de.lotse.hardening.Api.assertAnswered;
import static de.lotse.hardening.Api.assertNoServerErrorAndProblemIfRejected;
import static de.lotse.hardening.Api.assertProblem;
import static de.lotse.hardening.Api.assertRejectedNaming;
import static de.lotse.hardening.Api.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import de.lotse.decision.CaseFacts;
import de.lotse.hardening.Api.Answer;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.http.HttpMethod;

/**
 * Thousands of malformed and mutated payloads against the decision API of the whole service (MockMvc through every
 * filter, security included; a few over a real port). Whatever a client sends, the answer is never a 5xx; a refusal
 * is an {@code application/problem+json} document with a 4xx status, and where one field is at fault, its
 * {@code errors[].field} names it. Valid requests come from test-cases/ and are mutated one field at a time.
 */
class BadInputTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<FieldInfo> FIELDS = fieldsOf(CaseFacts.class, "");
    private static long startNanos;
    private static long sentBefore;

    /** One request field: dotted path, the kind of value it takes, the enum type for enums. */
    record FieldInfo(String path, Kind kind, Class<?> type) {
        String parent() {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? "" : path.substring(0, dot);
        }

        String name() {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }

    enum Kind { OBJECT, STRING, CODES, INTEGER, DECIMAL, BOOLEAN, DATE, ENUM }

    @BeforeContainer
    static void start() {
        Api.mvc();
        assertThat(Api.scenarioRequests()).as("valid requests from test-cases/").hasSizeGreaterThan(50);
        assertThat(FIELDS).as("request fields found by reflection").hasSizeGreaterThan(30);
        startNanos = System.nanoTime();
        sentBefore = Api.SENT.get();
    }

    @AfterContainer
    static void report() {
        if (startNanos == 0) {
            return; // the context did not start; that failure is reported already
        }
        long sent = Api.SENT.get() - sentBefore;
        System.out.printf("BadInputTest: %d malformed and mutated payloads sent in %.1f s, no 5xx%n", sent,
                (System.nanoTime() - startNanos) / 1e9);
        assertThat(sent).as("payloads tried").isGreaterThanOrEqualTo(5000);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // One field wrong, everything else valid: the problem names exactly that field.

    @Property(tries = 900, shrinking = ShrinkingMode.BOUNDED)
    void aValueOfTheWrongTypeIsRejectedNamingTheField(@ForAll("validRequests") ObjectNode request,
                                                      @ForAll("fields") FieldInfo field, @ForAll Random random) {
        List<JsonNode> wrong = wrongTypes(field);
        JsonNode value = wrong.get(random.nextInt(wrong.size()));
        set(request, field.path(), value);
        assertRejectedNaming(postJson(DECISIONS, request), field.path());
    }

    @Property(tries = 900, shrinking = ShrinkingMode.BOUNDED)
    void anImpossibleValueIsRejectedNamingTheField(@ForAll("validRequests") ObjectNode request,
                                                   @ForAll("impossibleValues") Tuple.Tuple2<String, JsonNode> impossible) {
        String path = impossible.get1();
        if (path.equals("candidate.birthDate")) {
            remove(request, "candidate.age"); // else the contradiction with the age would be named instead
        }
        set(request, path, impossible.get2());
        assertRejectedNaming(postJson(DECISIONS, request), path);
    }

    @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
    void anUnknownEnumValueIsRejectedNamingTheFieldAndTheAcceptedValues(
            @ForAll("validRequests") ObjectNode request, @ForAll("enumFields") FieldInfo field,
            @ForAll("unknownEnumValues") String value) {
        boolean known = false;
        for (Object constant : field.type().getEnumConstants()) {
            known |= constant.toString().equals(value.trim()); // Jackson reads "ABROAD " as ABROAD: no misreading
        }
        set(request, field.path(), TextNode.valueOf(value));
        Answer answer = postJson(DECISIONS, request);
        if (known) {
            assertAnswered(answer);
            return;
        }
        assertRejectedNaming(answer, field.path());
        assertThat(answer.json().path("errors").get(0).path("message").asText())
                .contains(field.type().getEnumConstants()[0].toString());
    }

    @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
    void aMisspeltOrUnknownFieldIsRejectedNamingIt(@ForAll("validRequests") ObjectNode request,
                                                   @ForAll("objectPaths") String parent,
                                                   @ForAll("unknownNames") String name, @ForAll("anyJson") JsonNode value) {
        if (!parent.isEmpty() && !(get(request, parent) instanceof ObjectNode)) {
            set(request, parent, NODES.objectNode());
        }
        ObjectNode target = parent.isEmpty() ? request : (ObjectNode) get(request, parent);
        target.set(name, value);
        assertRejectedNaming(postJson(DECISIONS, request), parent.isEmpty() ? name : parent + "." + name);
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED)
    void aDuplicateKeyIsRejectedNamingIt(@ForAll("validRequests") ObjectNode request, @ForAll("fields") FieldInfo field) {
        JsonNode present = get(request, field.path());
        if (present == null || present.isNull()) {
            set(request, field.path(), sampleValue(field));
        }
        String json = request.toString();
        // repeat the field's first occurrence inside its object: {"age": 31, …} → {"age": 31, "age": 31, …}
        String key = "\"" + field.name() + "\":";
        int parentStart = field.parent().isEmpty() ? 0 : indexOfObject(json, field.parent());
        int at = json.indexOf(key, parentStart);
        String member = key + get(request, field.path()).toString() + ",";
        String duplicated = json.substring(0, at) + member + json.substring(at);
        Answer answer = Api.post(DECISIONS, JSON, duplicated);
        assertRejectedNaming(answer, field.path());
        assertThat(answer.body()).contains("Duplicate field '" + field.name() + "'");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Broken JSON and other bodies: a 400 problem (the field is "" — the body as a whole).

    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void aTruncatedRequestIsA400Problem(@ForAll("validRequests") ObjectNode request, @ForAll Random random) {
        String json = request.toString();
        String cut = json.substring(0, random.nextInt(json.length() - 1));
        Answer answer = Api.post(DECISIONS, JSON, cut);
        assertProblem(answer, 400);
        assertThat(Api.fields(answer.json())).containsExactly("");
    }

    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void aRequestWithCharactersChangedIsAnsweredOrRefusedWithAProblem(@ForAll("validRequests") ObjectNode request,
                                                                      @ForAll Random random,
                                                                      @ForAll @IntRange(min = 1, max = 8) int changes) {
        char[] text = request.toString().toCharArray();
        String alphabet = "{}[]\",:0123456789.-+eE truefalsnulABCZ\\\u00e4\u20ac\u0000\n";
        for (int i = 0; i < changes; i++) {
            text[random.nextInt(text.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        Answer answer = Api.post(DECISIONS, JSON, new String(text));
        assertNoServerErrorAndProblemIfRejected(answer);
        if (answer.status() == 200) {
            assertAdvice(answer.json(), answer);
        }
    }

    @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
    void anyOtherBodyIsA400Problem(@ForAll("otherBodies") String body) {
        Answer answer = Api.post(DECISIONS, JSON, body);
        if (answer.status() == 200) {
            assertAdvice(answer.json(), answer); // "{}" and the like: a case with every fact unknown
            return;
        }
        assertProblem(answer, 400);
    }

    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void deepNestingIsA400Problem(@ForAll("validRequests") ObjectNode request, @ForAll("objectPaths") String parent,
                                  @ForAll @IntRange(min = 2, max = 20000) int depth, @ForAll boolean arrays) {
        String nested = (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
        String json = request.toString();
        String member = "\"deep\":" + nested;
        String body = parent.isEmpty() || !json.contains("\"" + lastName(parent) + "\":{")
                ? "{" + member + "," + json.substring(1)
                : json.replaceFirst("\"" + lastName(parent) + "\":\\{", "\"" + lastName(parent) + "\":{" + member.replace("$", "\\$") + ",");
        Answer answer = Api.post(DECISIONS, JSON, body);
        if (answer.status() == 413) {
            assertProblem(answer, 413);
            return;
        }
        assertProblem(answer, 400);
    }

    @Property(tries = 100, shrinking = ShrinkingMode.OFF)
    void hugeStringsAreRefusedNamingTheFieldOrAsTooLarge(@ForAll("validRequests") ObjectNode request,
                                                         @ForAll("stringFields") FieldInfo field,
                                                         @ForAll @IntRange(min = 65, max = 400_000) int length) {
        set(request, field.path(), field.kind() == Kind.CODES
                ? NODES.arrayNode().add("I".repeat(length)) : TextNode.valueOf("X".repeat(length)));
        Answer answer = postJson(DECISIONS, request);
        if (request.toString().length() > 256 * 1024) {
            assertProblem(answer, 413);
        } else {
            assertRejectedNaming(answer, field.path());
        }
    }

    @Property(tries = 250, shrinking = ShrinkingMode.BOUNDED)
    void aBodyThatIsNotJsonIs415(@ForAll("validRequests") ObjectNode request, @ForAll("otherContentTypes") String type) {
        Answer answer = Api.post(DECISIONS, type, request.toString());
        assertProblem(answer, 415);
    }

    @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
    void anotherMethodIs405(@ForAll("validRequests") ObjectNode request, @ForAll("otherMethods") HttpMethod method) {
        Answer answer = Api.send(method, DECISIONS, JSON, request.toString().getBytes(StandardCharsets.UTF_8));
        assertProblem(answer, 405);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Mutations of the valid requests of test-cases/: answered (200, an advice) or refused with a problem.

    @Property(tries = 900, shrinking = ShrinkingMode.BOUNDED)
    void aMutatedRequestIsAnsweredOrRefusedWithAProblem(@ForAll("validRequests") ObjectNode request,
                                                        @ForAll("mutations") List<Mutation> mutations) {
        for (Mutation m : mutations) {
            m.apply(request);
        }
        Answer answer = postJson(DECISIONS, request);
        assertNoServerErrorAndProblemIfRejected(answer);
        if (answer.status() == 200) {
            assertAdvice(answer.json(), answer);
            assertThat(answer.json().path("caseReference").isMissingNode()
                    || answer.json().path("caseReference").isNull()
                    || answer.json().path("caseReference").asText().equals(request.path("caseReference").asText()))
                    .as("caseReference is echoed unchanged").isTrue();
        } else {
            assertThat(answer.status()).isIn(400, 413);
            if (answer.status() == 400) {
                assertThat(answer.json().path("errors").size()).as("errors of %s", answer).isPositive();
            }
        }
    }

    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void aBatchAnswersEveryCaseInOrderWithAProblemInPlaceOfEachInvalidOne(
            @ForAll("batchCases") List<Tuple.Tuple2<ObjectNode, String>> cases) {
        ArrayNode list = NODES.arrayNode();
        cases.forEach(c -> list.add(c.get1()));
        Answer answer = postJson(BATCH, NODES.objectNode().set("cases", list));
        assertAnswered200(answer);
        JsonNode results = answer.json().path("results");
        assertThat(results.size()).isEqualTo(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            String invalidField = cases.get(i).get2();
            JsonNode result = results.get(i);
            if (invalidField == null) {
                assertAdvice(result, "batch case " + i);
            } else {
                assertThat(result.path("status").asInt()).as("batch case %s: %s", i, result).isEqualTo(400);
                assertThat(result.path("index").asInt()).isEqualTo(i);
                assertThat(Api.fields(result)).as("batch case %s: %s", i, result)
                        .anyMatch(f -> f.equals(invalidField) || f.startsWith(invalidField + "["));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Limits.

    @Example
    void aBatchOf1001CasesIsRefusedNamingCases() {
        ArrayNode list = NODES.arrayNode();
        ObjectNode small = (ObjectNode) MAPPER.createObjectNode().set("candidate", MAPPER.createObjectNode().put("age", 30));
        for (int i = 0; i < 1001; i++) {
            list.add(small);
        }
        Answer answer = postJson(BATCH, NODES.objectNode().set("cases", list));
        assertRejectedNaming(answer, "cases");
        assertThat(answer.json().path("detail").asText()).contains("1000");
    }

    @Example
    void aBatchOf1000CasesIsReadAndAnsweredCaseByCase() {
        ArrayNode list = NODES.arrayNode();
        ObjectNode valid = Api.scenarioRequests().get(0);
        ObjectNode invalid = NODES.objectNode().put("goal", "NONSENSE"); // refused before the rules: keeps the test fast
        list.add(valid);
        for (int i = 1; i < 999; i++) {
            list.add(invalid);
        }
        list.add(valid);
        Answer answer = postJson(BATCH, NODES.objectNode().set("cases", list));
        assertAnswered200(answer);
        JsonNode results = answer.json().path("results");
        assertThat(results.size()).isEqualTo(1000);
        assertAdvice(results.get(0), "case 0");
        assertAdvice(results.get(999), "case 999");
        assertThat(results.get(500).path("index").asInt()).isEqualTo(500);
        assertThat(Api.fields(results.get(500))).containsExactly("goal");
    }

    @Example
    void aSingleBodyAbove256KbIs413() {
        ObjectNode request = Api.scenarioRequests().get(0).deepCopy();
        request.put("caseReference", "R".repeat(300 * 1024));
        assertProblem(postJson(DECISIONS, request), 413);
    }

    @Example
    void aBatchBodyAbove8MbIs413AndJustBelowIsRead() {
        String filler = "F".repeat(7 * 1024 * 1024);
        Answer below = Api.post(BATCH, JSON, "{\"cases\": [{\"caseReference\": \"" + filler + "\"}]}");
        assertAnswered200(below); // the batch is read; its one case is invalid
        assertThat(below.json().path("results").get(0).path("status").asInt()).isEqualTo(400);
        assertThat(Api.fields(below.json().path("results").get(0))).containsExactly("caseReference");
        Answer above = Api.post(BATCH, JSON, "{\"cases\": [{\"caseReference\": \"" + filler + filler.substring(0, 1024 * 1024 + 1) + "\"}]}");
        assertProblem(above, 413);
    }

    /** Without a Content-Length (chunked), the limit is enforced while the body is read — over a real socket. */
    @Example
    void aChunkedBodyAboveTheLimitIs413OverARealPort() throws Exception {
        byte[] body = ("{\"caseReference\": \"" + "C".repeat(400 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = realPost(DECISIONS, () -> new ByteArrayInputStream(body));
        Api.SENT.incrementAndGet();
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(Api.PROBLEM));
        assertThat(MAPPER.readTree(response.body()).path("status").asInt()).isEqualTo(413);

        byte[] small = Api.scenarioRequests().get(0).toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answered = realPost(DECISIONS, () -> new ByteArrayInputStream(small));
        Api.SENT.incrementAndGet();
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
    }

    @Example
    void anEmptyBodyIsA400Problem() {
        assertProblem(Api.post(DECISIONS, JSON, ""), 400);
        assertProblem(Api.send(HttpMethod.POST, DECISIONS, JSON, null), 400);
        assertProblem(Api.post(BATCH, JSON, ""), 400);
    }

    private static HttpResponse<String> realPost(String path, java.util.function.Supplier<java.io.InputStream> body) throws Exception {
        String port = HardeningContext.context().getEnvironment().getProperty("local.server.port");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertAnswered200(Answer answer) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(200);
        assertThat(answer.contentType()).startsWith(JSON);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Generators.

    @Provide
    Arbitrary<ObjectNode> validRequests() {
        return Arbitraries.of(Api.scenarioRequests()).map(ObjectNode::deepCopy);
    }

    @Provide
    Arbitrary<FieldInfo> fields() {
        return Arbitraries.of(FIELDS);
    }

    @Provide
    Arbitrary<FieldInfo> enumFields() {
        return Arbitraries.of(FIELDS.stream().filter(f -> f.kind() == Kind.ENUM).toList());
    }

    @Provide
    Arbitrary<FieldInfo> stringFields() {
        return Arbitraries.of(FIELDS.stream().filter(f -> f.kind() == Kind.STRING || f.kind() == Kind.CODES).toList());
    }

    @Provide
    Arbitrary<String> objectPaths() {
        List<String> paths = new ArrayList<>(List.of(""));
        FIELDS.stream().filter(f -> f.kind() == Kind.OBJECT).forEach(f -> paths.add(f.path()));
        return Arbitraries.of(paths);
    }

    @Provide
    Arbitrary<String> unknownNames() {
        List<String> known = FIELDS.stream().map(FieldInfo::name).toList();
        Arbitrary<String> typos = Arbitraries.of(known).map(n -> n.substring(0, n.length() - 1))
                .filter(n -> !n.isEmpty() && !known.contains(n));
        Arbitrary<String> cased = Arbitraries.of(known).map(n -> n.toUpperCase()).filter(n -> !known.contains(n));
        Arbitrary<String> random = Arbitraries.strings().withCharRange('a', 'z').withChars('_', '$', '-', ' ', '\u00fc')
                .ofMinLength(1).ofMaxLength(40).filter(n -> !known.contains(n));
        Arbitrary<String> commonMistakes = Arbitraries.of("salary", "nationality", "citizenship", "Age", "birthdate",
                "profession", "level", "cases", "__proto__", "constructor", "@type", "class", "");
        return Arbitraries.oneOf(typos, cased, random, commonMistakes)
                .filter(n -> !known.contains(n));
    }

    @Provide
    Arbitrary<String> unknownEnumValues() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('A', 'Z').withChars('_', '1', '2').ofMinLength(1).ofMaxLength(30),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.of("de ", "DE", "En", "any", "a2", "B3", "Hessen", "he", "GERMAN", "null", "", " ", "ABROAD\n"));
    }

    @Provide
    Arbitrary<JsonNode> anyJson() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(i -> (JsonNode) IntNode.valueOf(i)),
                Arbitraries.strings().ofMaxLength(30).map(s -> (JsonNode) TextNode.valueOf(s)),
                Arbitraries.of(BooleanNode.TRUE, BooleanNode.FALSE, NullNode.instance, NODES.objectNode(), NODES.arrayNode()));
    }

    @Provide
    Arbitrary<String> otherBodies() {
        return Arbitraries.oneOf(
                Arbitraries.of("[]", "[{}]", "\"case\"", "42", "-1e999", "true", "null", "{", "}", "{}", "{\"\": 1}",
                        "{\"candidate\": null}", "{\"candidate\": {}}", "{\"a\" 1}", "{'goal': 'ANY'}", "{goal: \"ANY\"}",
                        "{\"goal\": \"ANY\",}", "{\"goal\": \"ANY\"} {}", "{\"goal\": \"ANY\"}]", "\u00ef\u00bb\u00bf{}",
                        "{\"goal\": \"ANY\" /* comment */}", "{\"candidate\": {\"age\": 0x1F}}", "{\"candidate\": {\"age\": NaN}}",
                        "{\"candidate\": {\"age\": Infinity}}", "{\"candidate\": {\"age\": 01}}", "{\"candidate\": {\"age\": +1}}",
                        "{\"candidate\": {\"age\": 1.}}", "{\"caseReference\": \"\\ud800\"}", "{\"caseReference\": \"\\x41\"}",
                        "\u0000", " ", "\n\n"),
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars("{}[]\":,0123456789truefalsn ").ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> otherContentTypes() {
        return Arbitraries.of("text/plain", "text/plain;charset=UTF-8", "application/xml", "text/xml", "text/html",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
                "application/yaml", "application/x-ndjson", "application/merge-patch+json", "application/problem+json",
                "application/javascript", "image/png", "*/*", "application/*", "text/json");
    }

    @Provide
    Arbitrary<HttpMethod> otherMethods() {
        return Arbitraries.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, JsonNode>> impossibleValues() {
        List<Tuple.Tuple2<String, JsonNode>> values = new ArrayList<>();
        impossible(values, "caseReference", TextNode.valueOf("R".repeat(65)), TextNode.valueOf("R".repeat(5000)));
        impossible(values, "assessmentDate", dates("2026-02-30", "2026-13-01", "2026-00-10", "09.03.2026", "2026-3-9",
                "2026/03/09", "tomorrow", "20260309", "1900-01-01", "2999-12-31", "+12026-01-01",
                "-2026-01-01", "1024-01-01"));
        impossible(values, "candidate.citizenships", arrayOf("in"), arrayOf("IND"), arrayOf("ZZ"), arrayOf("XX"), arrayOf(""),
                arrayOf("I"), arrayOf("DE", "ZZ"), arrayOf("IN", "US", "FR", "DE", "IT", "ES", "PL", "TR", "UA", "SY", "AF"));
        impossible(values, "candidate.age", IntNode.valueOf(-1), IntNode.valueOf(121), IntNode.valueOf(Integer.MAX_VALUE),
                LongNode.valueOf(1L + Integer.MAX_VALUE), LongNode.valueOf(Long.MIN_VALUE),
                NODES.numberNode(new BigInteger("99999999999999999999999999")));
        impossible(values, "candidate.birthDate", dates("2999-01-01", "1800-01-01", "2000-02-30", "31.12.1990", "1990-1-1"));
        impossible(values, "candidate.priorStayInGermanyMonths", IntNode.valueOf(-1), IntNode.valueOf(1201),
                NODES.numberNode(new BigInteger("123456789012345678901234567890")));
        impossible(values, "candidate.monthlyFundsEur", decimals("-0.01", "-1E+3", "10000000.01", "1E+400"));
        impossible(values, "qualification.profession", TextNode.valueOf("nurse"), TextNode.valueOf("NO_SUCH_PROFESSION"),
                TextNode.valueOf("A"), TextNode.valueOf("N".repeat(60)), TextNode.valueOf("NURSE!"), TextNode.valueOf(""));
        impossible(values, "qualification.trainingDurationYears", decimals("-1", "20.5", "1E+10"));
        impossible(values, "qualification.graduationDate", dates("2026-02-30", "15.07.2019", "2019-07"));
        impossible(values, "experience.relevantYearsInLast5", decimals("-0.5", "5.01", "99"));
        impossible(values, "experience.relevantYearsInLast7", decimals("-0.5", "7.5"));
        impossible(values, "experience.itYearsInLast7", decimals("-1", "8"));
        impossible(values, "jobOffer.annualGrossSalaryEur", decimals("-1", "-0.01", "100000000.01", "1E+30", "1E+999999"));
        impossible(values, "jobOffer.iscoCode", TextNode.valueOf("1"), TextNode.valueOf("12345"), TextNode.valueOf("25a"),
                TextNode.valueOf(""), TextNode.valueOf(" 2512"), TextNode.valueOf("２５１２"));
        impossible(values, "jobOffer.weeklyHours", decimals("0", "-5", "168.5", "1E+6"));
        impossible(values, "jobOffer.contractMonths", IntNode.valueOf(0), IntNode.valueOf(601), IntNode.valueOf(-3));
        return Arbitraries.of(values);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.of(MutationKind.values()),
                anyJson(), Arbitraries.longs()).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<ObjectNode, String>>> batchCases() {
        Arbitrary<Tuple.Tuple2<ObjectNode, String>> valid = validRequests().map(r -> Tuple.of(r, (String) null));
        Arbitrary<Tuple.Tuple2<ObjectNode, String>> invalid = Combinators.combine(validRequests(), impossibleValues())
                .as((r, v) -> {
                    if (v.get1().equals("candidate.birthDate")) {
                        remove(r, "candidate.age");
                    }
                    set(r, v.get1(), v.get2());
                    return Tuple.of(r, v.get1());
                });
        return Arbitraries.frequencyOf(Tuple.of(3, valid), Tuple.of(1, invalid)).list().ofMinSize(1).ofMaxSize(25);
    }

    /** Kinds of blind mutation applied to a valid request. */
    enum MutationKind { REMOVE, REPLACE_WITH_ANY, NEGATE_NUMBER, HUGE_NUMBER, FRACTION, EMPTY_STRING, SWAP_WITH_OTHER_FIELD, NULL }

    record Mutation(FieldInfo field, MutationKind kind, JsonNode any, long seed) {
        void apply(ObjectNode request) {
            JsonNode current = get(request, field.path());
            switch (kind) {
                case REMOVE -> remove(request, field.path());
                case REPLACE_WITH_ANY -> set(request, field.path(), any);
                case NEGATE_NUMBER -> set(request, field.path(), current != null && current.isNumber()
                        ? DecimalNode.valueOf(current.decimalValue().negate()) : IntNode.valueOf(-1));
                case HUGE_NUMBER -> set(request, field.path(), seed % 2 == 0
                        ? DecimalNode.valueOf(new BigDecimal("9.99E+" + (Math.abs(seed % 400) + 10)))
                        : NODES.numberNode(BigInteger.TEN.pow((int) Math.abs(seed % 60) + 10)));
                case FRACTION -> set(request, field.path(), DoubleNode.valueOf(Math.abs(seed % 1000) + 0.5));
                case EMPTY_STRING -> set(request, field.path(), TextNode.valueOf(""));
                case SWAP_WITH_OTHER_FIELD -> {
                    FieldInfo other = FIELDS.get((int) Math.abs(seed % FIELDS.size()));
                    JsonNode value = get(request, other.path());
                    set(request, field.path(), value == null ? NullNode.instance : value.deepCopy());
                }
                case NULL -> set(request, field.path(), NullNode.instance);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Values.

    /** Values of a JSON type the field does not take (a number sent for a string is read as its text, so not here). */
    static List<JsonNode> wrongTypes(FieldInfo field) {
        ObjectNode object = NODES.objectNode().put("value", 1);
        ArrayNode array = NODES.arrayNode().add("x");
        return switch (field.kind()) {
            case OBJECT -> List.of(TextNode.valueOf("yes"), IntNode.valueOf(1), BooleanNode.TRUE, NODES.arrayNode(), array);
            case STRING -> List.of(object, NODES.objectNode(), array, NODES.arrayNode());
            case CODES -> List.of(TextNode.valueOf("IN"), IntNode.valueOf(356), BooleanNode.TRUE, object,
                    NODES.arrayNode().add(NODES.objectNode()), NODES.arrayNode().add(NODES.arrayNode()));
            case INTEGER -> List.of(TextNode.valueOf("31"), TextNode.valueOf("thirty"), DoubleNode.valueOf(31.5),
                    DecimalNode.valueOf(new BigDecimal("31.0")), BooleanNode.TRUE, object, array, TextNode.valueOf(""));
            case DECIMAL -> List.of(TextNode.valueOf("52000"), TextNode.valueOf("52.000,00"), BooleanNode.FALSE, object, array,
                    TextNode.valueOf(""));
            case BOOLEAN -> List.of(TextNode.valueOf("true"), TextNode.valueOf("yes"), IntNode.valueOf(1), IntNode.valueOf(0),
                    object, array, TextNode.valueOf(""));
            case DATE -> List.of(IntNode.valueOf(20260309), LongNode.valueOf(1773014400000L), BooleanNode.TRUE, object,
                    TextNode.valueOf(""), DoubleNode.valueOf(2026.03));
            case ENUM -> List.of(IntNode.valueOf(0), IntNode.valueOf(1), BooleanNode.TRUE, object, array, TextNode.valueOf(""));
        };
    }

    private static JsonNode sampleValue(FieldInfo field) {
        return switch (field.kind()) {
            case OBJECT -> NODES.objectNode();
            case STRING -> TextNode.valueOf(field.name().equals("iscoCode") ? "2512" : "X");
            case CODES -> arrayOf("IN");
            case INTEGER -> IntNode.valueOf(3);
            case DECIMAL -> DecimalNode.valueOf(BigDecimal.ONE);
            case BOOLEAN -> BooleanNode.TRUE;
            case DATE -> TextNode.valueOf("2020-01-01");
            case ENUM -> TextNode.valueOf(field.type().getEnumConstants()[0].toString());
        };
    }

    private static void impossible(List<Tuple.Tuple2<String, JsonNode>> out, String path, JsonNode... values) {
        assertThat(FIELDS).as("field %s exists", path).anyMatch(f -> f.path().equals(path));
        for (JsonNode value : values) {
            out.add(Tuple.of(path, value));
        }
    }

    private static JsonNode[] dates(String... dates) {
        JsonNode[] nodes = new JsonNode[dates.length];
        for (int i = 0; i < dates.length; i++) {
            nodes[i] = TextNode.valueOf(dates[i]);
        }
        return nodes;
    }

    private static JsonNode[] decimals(String... values) {
        JsonNode[] nodes = new JsonNode[values.length];
        for (int i = 0; i < values.length; i++) {
            nodes[i] = DecimalNode.valueOf(new BigDecimal(values[i]));
        }
        return nodes;
    }

    private static ArrayNode arrayOf(String... codes) {
        ArrayNode array = NODES.arrayNode();
        for (String code : codes) {
            array.add(code);
        }
        return array;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // JSON paths.

    static JsonNode get(ObjectNode root, String path) {
        JsonNode node = root;
        for (String name : path.split("\\.")) {
            node = node == null ? null : node.get(name);
        }
        return node;
    }

    static void set(ObjectNode root, String path, JsonNode value) {
        String[] names = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = node.get(names[i]);
            if (!(child instanceof ObjectNode)) {
                child = NODES.objectNode();
                node.set(names[i], child);
            }
            node = (ObjectNode) child;
        }
        node.set(names[names.length - 1], value);
    }

    static void remove(ObjectNode root, String path) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? root : get(root, path.substring(0, dot));
        if (parent instanceof ObjectNode object) {
            object.remove(path.substring(dot + 1));
        }
    }

    private static String lastName(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** Where the object of a (one-level) path starts in compact JSON text. */
    private static int indexOfObject(String json, String path) {
        int at = 0;
        for (String name : path.split("\\.")) {
            at = json.indexOf("\"" + name + "\":{", at);
        }
        return at;
    }

    /** Every request field of CaseFacts and its parts, by reflection, so new fields are tried automatically. */
    static List<FieldInfo> fieldsOf(Class<?> type, String prefix) {
        List<FieldInfo> fields = new ArrayList<>();
        for (java.lang.reflect.Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            String path = prefix + f.getName();
            Class<?> t = f.getType();
            if (t.getPackageName().equals("de.lotse.decision") && !t.isEnum()) {
                fields.add(new FieldInfo(path, Kind.OBJECT, t));
                fields.addAll(fieldsOf(t, path + "."));
            } else if (List.class.isAssignableFrom(t)
                    && ((ParameterizedType) f.getGenericType()).getActualTypeArguments()[0] == String.class) {
                fields.add(new FieldInfo(path, Kind.CODES, t));
            } else if (t == String.class) {
                fields.add(new FieldInfo(path, Kind.STRING, t));
            } else if (t == Integer.class || t == int.class || t == Long.class) {
                fields.add(new FieldInfo(path, Kind.INTEGER, t));
            } else if (t == BigDecimal.class) {
                fields.add(new FieldInfo(path, Kind.DECIMAL, t));
            } else if (t == Boolean.class) {
                fields.add(new FieldInfo(path, Kind.BOOLEAN, t));
            } else if (t == LocalDate.class) {
                fields.add(new FieldInfo(path, Kind.DATE, t));
            } else if (t.isEnum()) {
                fields.add(new FieldInfo(path, Kind.ENUM, t));
            } else {
                throw new IllegalStateException("request field " + path + " has a type the test does not know: " + t);
            }
        }
        return fields;
    }
}
