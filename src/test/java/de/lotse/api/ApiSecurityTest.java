package de.lotse.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lotse.decision.Advice;
import de.lotse.decision.CaseReader;
import de.lotse.decision.DecisionService;
import de.lotse.decision.Language;
import de.lotse.knowledge.KnowledgeBaseService;
import de.lotse.knowledge.ReloadAttempt;
import de.lotse.knowledge.ReloadStatus;
import de.lotse.knowledge.RuleProblem;
import de.lotse.security.SecurityConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Who may call what, and the headers every answer carries (de.lotse.security.SecurityConfig). */
class ApiSecurityTest {

    private static final String CASE = """
            {"assessmentDate": "2026-03-09", "candidate": {"citizenships": ["IN"], "age": 31}}""";

    private static Advice advice() {
        return new Advice("id-1", null, LocalDate.of(2026, 3, 9), "sha256:abc", Language.en, "BLUE_CARD", List.of(),
                null, List.of(), "Orientation, not legal advice");
    }

    private static ReloadAttempt loaded() {
        return new ReloadAttempt(Instant.parse("2026-11-21T10:00:00Z"), AdminRulesController.TRIGGER,
                ReloadStatus.LOADED, "sha256:new", "sha256:new", List.of(), 420);
    }

    @WebMvcTest({DecisionController.class, AdminRulesController.class})
    @Import({CaseReader.class, StrictJsonConfiguration.class, SecurityConfig.class})
    abstract static class Slice {
        @Autowired
        MockMvc mvc;
        @MockitoBean
        DecisionService decisions;
        @MockitoBean
        KnowledgeBaseService knowledge;
    }

    @Nested
    class WithoutConfiguration extends Slice {

        @Test
        void adminEndpointsAreClosedEvenForTheAdminUserWhenNoPasswordIsConfigured() throws Exception {
            mvc.perform(post("/api/v1/admin/rules/reload"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Basic")))
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.status").value(401))
                    .andExpect(jsonPath("$.type").value("urn:lotse:problem:unauthorized"))
                    .andExpect(jsonPath("$.title").value("Authentication required"))
                    .andExpect(jsonPath("$.instance").value("/api/v1/admin/rules/reload"));
            mvc.perform(post("/api/v1/admin/rules/reload").with(httpBasic("admin", "")))
                    .andExpect(status().isUnauthorized());
            mvc.perform(post("/api/v1/admin/rules/reload").with(httpBasic("admin", "admin")))
                    .andExpect(status().isUnauthorized());
            verify(knowledge, never()).reload(any());
        }

        @Test
        void theDecisionApiIsOpenAndNeedsNoCsrfToken() throws Exception {
            given(decisions.decide(any(), any())).willReturn(advice());
            mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(CASE))
                    .andExpect(status().isOk());
        }

        @Test
        void everyAnswerCarriesTheSecurityHeaders() throws Exception {
            given(decisions.decide(any(), any())).willReturn(advice());
            mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(CASE))
                    .andExpect(header().string("Content-Security-Policy", Matchers.allOf(
                            Matchers.containsString("default-src 'self'"), Matchers.containsString("script-src 'self'"),
                            Matchers.containsString("frame-ancestors 'none'"))))
                    .andExpect(header().string("X-Frame-Options", "DENY"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Referrer-Policy", "same-origin"));
            mvc.perform(post("/api/v1/admin/rules/reload"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        }

        @Test
        void formPostsOutsideTheApiNeedTheCsrfToken() throws Exception {
            mvc.perform(post("/anything-of-the-form").param("x", "1"))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }

        @Test
        void errorsCarryNoStackTrace() throws Exception {
            given(decisions.decide(any(), any())).willThrow(new IllegalStateException("boom in the engine"));
            mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(CASE))
                    .andExpect(status().isInternalServerError())
                    .andExpect(content().string(Matchers.not(Matchers.containsString("boom"))))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("at de.lotse"))))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
        }
    }

    @Nested
    @TestPropertySource(properties = "lotse.admin.password=s3cret-for-tests")
    class WithAnAdminPassword extends Slice {

        @Test
        void theAdminReloadsWithTheConfiguredPassword() throws Exception {
            given(knowledge.reload(AdminRulesController.TRIGGER)).willReturn(loaded());
            mvc.perform(post("/api/v1/admin/rules/reload").with(httpBasic("admin", "s3cret-for-tests")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("LOADED"))
                    .andExpect(jsonPath("$.version").value("sha256:new"))
                    .andExpect(jsonPath("$.durationMillis").value(420));
        }

        @Test
        void wrongCredentialsAre401() throws Exception {
            mvc.perform(post("/api/v1/admin/rules/reload").with(httpBasic("admin", "guess")))
                    .andExpect(status().isUnauthorized());
            mvc.perform(post("/api/v1/admin/rules/reload").with(httpBasic("advisor", "s3cret-for-tests")))
                    .andExpect(status().isUnauthorized());
            verify(knowledge, never()).reload(any());
        }

        @Test
        void aFailedReloadIs422WithEveryErrorsFileAndLine() throws Exception {
            given(knowledge.reload(AdminRulesController.TRIGGER)).willReturn(new ReloadAttempt(Instant.now(),
                    AdminRulesController.TRIGGER, ReloadStatus.FAILED, "sha256:old", "sha256:bad",
                    List.of(new RuleProblem("aufenthg/s18g_blaue_karte.drl", 12, "no viable alternative")), 80));
            mvc.perform(post("/api/v1/admin/rules/reload").with(httpBasic("admin", "s3cret-for-tests")))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("urn:lotse:problem:rules-invalid"))
                    .andExpect(jsonPath("$.versionInService").value("sha256:old"))
                    .andExpect(jsonPath("$.errors[0].file").value("aufenthg/s18g_blaue_karte.drl"))
                    .andExpect(jsonPath("$.errors[0].line").value(12));
        }

        @Test
        void withAnAdminPasswordTheDecisionApiStaysOpen() throws Exception {
            given(decisions.decide(any(), any())).willReturn(advice());
            mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(CASE))
                    .andExpect(status().isOk());
        }
    }

    @Nested
    @TestPropertySource(properties = {"lotse.admin.password=s3cret-for-tests", "lotse.web.password=advisor-secret"})
    class WithAFormPassword extends Slice {

        @Test
        void theAdvisorIsNoAdminAndTheRefusalIsAProblemDocument() throws Exception {
            mvc.perform(post("/api/v1/admin/rules/reload").with(httpBasic("advisor", "advisor-secret")))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("urn:lotse:problem:forbidden"))
                    .andExpect(jsonPath("$.title").value("Forbidden"))
                    .andExpect(jsonPath("$.status").value(403))
                    .andExpect(jsonPath("$.instance").value("/api/v1/admin/rules/reload"));
            verify(knowledge, never()).reload(any());
        }

        @Test
        void theDecisionApiNeedsNeitherTheFormPasswordNorACsrfToken() throws Exception {
            given(decisions.decide(any(), any())).willReturn(advice());
            mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(CASE))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.rulesVersion").isNotEmpty());
        }
    }

    @Nested
    @TestPropertySource(properties = "lotse.api.key=key-for-tests-123")
    class WithAnApiKey extends Slice {

        @Test
        void theDecisionApiNeedsTheKey() throws Exception {
            mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(CASE))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.type").value("urn:lotse:problem:api-key-required"))
                    .andExpect(jsonPath("$.title").value("API key required"))
                    .andExpect(jsonPath("$.detail").value("This service requires the header X-API-Key."));
            mvc.perform(post("/api/v1/decisions").header("X-API-Key", "key-for-tests-12")
                            .contentType(MediaType.APPLICATION_JSON).content(CASE))
                    .andExpect(status().isUnauthorized());
            verify(decisions, never()).decide(any(), any());
        }

        @Test
        void withTheKeyTheDecisionIsAnswered() throws Exception {
            given(decisions.decide(any(), any())).willReturn(advice());
            mvc.perform(post("/api/v1/decisions").header("X-API-Key", "key-for-tests-123")
                            .contentType(MediaType.APPLICATION_JSON).content(CASE))
                    .andExpect(status().isOk());
        }

        @Test
        void adminEndpointsAreNotOpenedByTheApiKey() throws Exception {
            mvc.perform(post("/api/v1/admin/rules/reload").header("X-API-Key", "key-for-tests-123"))
                    .andExpect(status().isUnauthorized());
        }
    }
}
