package de.lotse.api;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import de.lotse.expert.CheckReport;
import de.lotse.expert.CheckReport.ScenarioOutcome;
import de.lotse.expert.CheckReport.Totals;
import de.lotse.decision.DateWindow;
import de.lotse.expert.RulesCheck;
import de.lotse.knowledge.RuleProblem;
import de.lotse.scenario.Difference;
import de.lotse.security.SecurityConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import de.lotse.knowledge.LotseProperties;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** {@code POST /api/v1/admin/rules/check} as a web slice: admin only, defaults, folders named in the body, 400s. */
@WebMvcTest(RulesCheckController.class)
@Import({SecurityConfig.class, StrictJsonConfiguration.class, RulesCheckControllerTest.Settings.class})
@TestPropertySource(properties = {"lotse.admin.password=check-secret", "lotse.rules.dir=rules",
        "lotse.scenarios.dir=test-cases"})
class RulesCheckControllerTest {

    private static final String URL = "/api/v1/admin/rules/check";

    /** lotse.* as the application binds it (the default rules folder comes from there). */
    @TestConfiguration
    @EnableConfigurationProperties(LotseProperties.class)
    static class Settings {
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RulesCheck check;

    private static CheckReport oneFailure(String rules, String scenarios) {
        Difference outcome = Difference.of("BLUE_CARD", "outcomes", "ELIGIBLE", "ELIGIBLE_AFTER_STEPS");
        return new CheckReport(rules, scenarios, true, "sha256:abc", new DateWindow(LocalDate.of(2024, 3, 1),
                LocalDate.of(2026, 12, 31)), List.of("parameters/pension-ceiling.yaml"), 12, List.of(), List.of(),
                List.of(), List.of(new ScenarioOutcome("blue-card.yaml", 1, "passes", true, List.of()),
                        new ScenarioOutcome("blue-card.yaml", 2, "fails", false, List.of(outcome))),
                new Totals(2, 1, 1));
    }

    @Test
    void withoutCredentialsTheCheckIs401AndNothingRuns() throws Exception {
        mvc.perform(post(URL))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")));
        mvc.perform(post(URL).with(httpBasic("admin", "wrong")))
                .andExpect(status().isUnauthorized());
        verify(check, never()).check(any(), any());
    }

    @Test
    void withAdminCredentialsAndNoBodyTheConfiguredFoldersAreCheckedAndTheReportIsJson() throws Exception {
        given(check.check(Path.of("rules"), Path.of("test-cases"))).willReturn(oneFailure("rules", "test-cases"));

        mvc.perform(post(URL).with(httpBasic("admin", "check-secret")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.compiled").value(true))
                .andExpect(jsonPath("$.ok").value(false))
                .andExpect(jsonPath("$.version").value("sha256:abc"))
                .andExpect(jsonPath("$.supportedDates.until").value("2026-12-31"))
                .andExpect(jsonPath("$.totals.scenarios").value(2))
                .andExpect(jsonPath("$.totals.failed").value(1))
                .andExpect(jsonPath("$.scenarios[1].id").value("blue-card.yaml #2"))
                .andExpect(jsonPath("$.scenarios[1].passed").value(false))
                .andExpect(jsonPath("$.scenarios[1].differences[0].pathway").value("BLUE_CARD"))
                .andExpect(jsonPath("$.scenarios[1].differences[0].expected").value("ELIGIBLE"))
                .andExpect(jsonPath("$.scenarios[1].differences[0].actual").value("ELIGIBLE_AFTER_STEPS"));
        verify(check).check(Path.of("rules"), Path.of("test-cases"));
    }

    @Test
    void aCandidateFolderNamedInTheBodyIsChecked(@TempDir Path candidate) throws Exception {
        given(check.check(candidate, Path.of("test-cases"))).willReturn(new CheckReport(candidate.toString(), "test-cases",
                false, null, null, List.of(), 0, List.of(new RuleProblem("aufenthg/s18g_blaue_karte.drl", 42, "no viable alternative")), List.of(),
                List.of(), List.of(), new Totals(0, 0, 0)));

        mvc.perform(post(URL).with(httpBasic("admin", "check-secret")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rulesDir\": \"" + candidate.toString().replace("\\", "\\\\") + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.compiled").value(false))
                .andExpect(jsonPath("$.errors[0].file").value("aufenthg/s18g_blaue_karte.drl"))
                .andExpect(jsonPath("$.errors[0].line").value(42))
                .andExpect(jsonPath("$.errors[0].message").value("no viable alternative"));
        verify(check).check(candidate, Path.of("test-cases"));
    }

    @Test
    void aFolderThatDoesNotExistIsA400NamingTheField(@TempDir Path temp) throws Exception {
        String missing = temp.resolve("no-such-rules").toString().replace("\\", "\\\\");

        mvc.perform(post(URL).with(httpBasic("admin", "check-secret")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rulesDir\": \"" + missing + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("rulesDir"))
                .andExpect(jsonPath("$.errors[0].message", containsString("does not exist")));
        mvc.perform(post(URL).with(httpBasic("admin", "check-secret")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"scenariosDir\": \" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scenariosDir"));
        mvc.perform(post(URL).with(httpBasic("admin", "check-secret")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rulesDirectory\": \"rules\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("rulesDirectory")));
        verify(check, never()).check(any(), any());
    }
}
