package de.lotse.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lotse.decision.Advice;
import de.lotse.decision.AssessmentDateOutOfRangeException;
import de.lotse.decision.CaseReader;
import de.lotse.security.SecurityConfig;
import de.lotse.decision.DateWindow;
import de.lotse.decision.DecisionMetrics;
import de.lotse.decision.DecisionMetrics.Channel;
import de.lotse.decision.DecisionService;
import de.lotse.decision.FieldProblem;
import de.lotse.decision.InvalidCaseException;
import de.lotse.decision.Language;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The decision endpoints as a web slice: request reading and problem documents, with the decision service mocked. */
@WebMvcTest(DecisionController.class)
@Import({CaseReader.class, StrictJsonConfiguration.class, SecurityConfig.class})
class DecisionControllerTest {

    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DecisionService decisions;

    private static Advice advice(String reference) {
        return new Advice("id-1", reference, LocalDate.of(2026, 3, 9), "sha256:abc", Language.en, "BLUE_CARD", List.of(),
                null, List.of(), "Orientation, not legal advice");
    }

    private static String indianDeveloper() {
        return """
                {"caseReference": "HR-1", "assessmentDate": "2026-03-09", "language": "en",
                 "candidate": {"citizenships": ["IN"], "age": 31},
                 "qualification": {"level": "ACADEMIC", "profession": "SOFTWARE_DEVELOPER", "academicComparability": "COMPARABLE"},
                 "jobOffer": {"annualGrossSalaryEur": 52000, "iscoCode": "2512"}}
                """;
    }

    @Test
    void aValidCaseIsReadIntoFactsAndAnswered() throws Exception {
        given(decisions.decide(any(), any())).willReturn(advice("HR-1"));
        mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(indianDeveloper()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.caseReference").value("HR-1"))
                .andExpect(jsonPath("$.recommendedPathway").value("BLUE_CARD"))
                .andExpect(jsonPath("$.rulesVersion").value("sha256:abc"));
        verify(decisions).decide(argThat(facts -> facts.getJobOffer().getAnnualGrossSalaryEur().compareTo(new BigDecimal("52000")) == 0
                && facts.getCandidate().getCitizenships().equals(List.of("IN"))
                && facts.getAssessmentDate().equals(LocalDate.of(2026, 3, 9))), eq(Channel.API));
    }

    @Test
    void malformedJsonIsA400ProblemDocument() throws Exception {
        mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content("{\"candidate\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail", containsString("malformed JSON")));
        verify(decisions, never()).decide(any(), any());
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheAcceptedValues() throws Exception {
        mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content("{\"candidate\": {\"germanLevel\": \"B3\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("candidate.germanLevel"))
                .andExpect(jsonPath("$.errors[0].pointer").value("/candidate/germanLevel"))
                .andExpect(jsonPath("$.errors[0].message", containsString("A1, A2, B1, B2, C1, C2")));
    }

    @Test
    void impossibleValuesAreEachNamed() throws Exception {
        mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"candidate\": {\"age\": 200}, \"jobOffer\": {\"annualGrossSalaryEur\": -1, \"iscoCode\": \"25X\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder(
                        "candidate.age", "jobOffer.annualGrossSalaryEur", "jobOffer.iscoCode")));
        verify(decisions).rejected(DecisionMetrics.INVALID_FIELD, Channel.API);
        verify(decisions, never()).decide(any(), any());
    }

    @Test
    void aDateInTheWrongFormatIsNamed() throws Exception {
        mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content("{\"assessmentDate\": \"09.03.2026\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assessmentDate"))
                .andExpect(jsonPath("$.errors[0].message", containsString("YYYY-MM-DD")));
    }

    @Test
    void aMisspeltFieldIsRejectedRatherThanReadAsUnknown() throws Exception {
        mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content("{\"jobOffer\": {\"salary\": 52000}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("jobOffer.salary"))
                .andExpect(jsonPath("$.errors[0].message", containsString("annualGrossSalaryEur")));
    }

    @Test
    void aWrongTypeIsNamed() throws Exception {
        mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content("{\"candidate\": {\"age\": \"thirty\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("candidate.age"));
    }

    @Test
    void aDuplicateKeyIsRejected() throws Exception {
        mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content("{\"goal\": \"ANY\", \"goal\": \"STUDY\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Duplicate field 'goal'")));
    }

    @Test
    void contradictionsFoundByTheServiceAreA400NamingTheField() throws Exception {
        given(decisions.decide(any(), any())).willThrow(new InvalidCaseException(List.of(
                new FieldProblem("candidate.age", "is 30 but candidate.birthDate gives 36"))));
        mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(indianDeveloper()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("candidate.age"));
    }

    @Test
    void anAssessmentDateOutsideTheWindowGivesTheWindow() throws Exception {
        given(decisions.decide(any(), any())).willThrow(new AssessmentDateOutOfRangeException(LocalDate.of(2023, 1, 1),
                new DateWindow(LocalDate.of(2024, 3, 1), LocalDate.of(2026, 12, 31))));
        mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content("{\"assessmentDate\": \"2023-01-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assessmentDate"))
                .andExpect(jsonPath("$.supportedFrom").value("2024-03-01"))
                .andExpect(jsonPath("$.supportedUntil").value("2026-12-31"));
    }

    @Test
    void anotherContentTypeIs415() throws Exception {
        mvc.perform(post("/api/v1/decisions").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(415));
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        String big = "{\"caseReference\": \"" + "x".repeat(300_000) + "\"}";
        mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(big))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(413));
        verify(decisions, never()).decide(any(), any());
    }

    @Test
    void theWrongMethodIs405() throws Exception {
        mvc.perform(get("/api/v1/decisions"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void aBatchAnswersEveryCaseInOrderWithProblemsInPlace() throws Exception {
        given(decisions.decide(any(), any())).willReturn(advice("A"));
        String body = "{\"cases\": [" + indianDeveloper() + ", {\"candidate\": {\"age\": -3}}, " + indianDeveloper() + "]}";
        mvc.perform(post("/api/v1/decisions/batch").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results", hasSize(3)))
                .andExpect(jsonPath("$.results[0].recommendedPathway").value("BLUE_CARD"))
                .andExpect(jsonPath("$.results[1].status").value(400))
                .andExpect(jsonPath("$.results[1].index").value(1))
                .andExpect(jsonPath("$.results[1].errors[0].field").value("candidate.age"))
                .andExpect(jsonPath("$.results[2].recommendedPathway").value("BLUE_CARD"));
        verify(decisions, times(2)).decide(any(), eq(Channel.BATCH));
        verify(decisions).rejected(DecisionMetrics.INVALID_FIELD, Channel.BATCH);
    }

    @Test
    void aBatchOfMoreThan1000CasesIsRejected() throws Exception {
        String body = "{\"cases\": [" + String.join(",", java.util.Collections.nCopies(1001, "{}")) + "]}";
        mvc.perform(post("/api/v1/decisions/batch").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cases"))
                .andExpect(jsonPath("$.errors[0].message", containsString("at most 1000")));
        verify(decisions, never()).decide(any(), any());
        verify(decisions).rejected(DecisionMetrics.BATCH_TOO_LARGE, Channel.BATCH);
        verify(decisions, never()).rejected(eq(DecisionMetrics.INVALID_FIELD), any());
    }

    @Test
    void aBatchWithoutCasesIsRejected() throws Exception {
        mvc.perform(post("/api/v1/decisions/batch").contentType(MediaType.APPLICATION_JSON).content("{\"items\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cases"));
        verify(decisions).rejected(DecisionMetrics.INVALID_FIELD, Channel.BATCH);
    }
}
