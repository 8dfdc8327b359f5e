package de.lotse.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

import de.lotse.decision.CaseJson;
import de.lotse.decision.CaseReader;
import de.lotse.decision.DecisionService;
import de.lotse.knowledge.KnowledgeBaseService;
import de.lotse.security.SecurityConfig;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web pages as a slice (one Spring context shared by the web slice tests): controllers, templates, message
 * bundles and security are real; the knowledge-base service is a Mockito mock that hands out the repository's rules,
 * and the decision service is a Mockito mock that answers with the real engine (so tests can check what the form
 * sends to it, through which channel, and what it counts as rejected).
 */
@WebMvcTest(controllers = {AdvisorController.class, RulesPageController.class},
        properties = "lotse.admin.password=admin-secret")
@Import({SecurityConfig.class, WebConfiguration.class, CaseReader.class, FormAdvisor.class, CaseFormMapper.class,
        AdviceViews.class, FormOptions.class, Countries.class, ProtocolPdf.class, WebSliceTest.Beans.class})
abstract class WebSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    DecisionService decisions;

    @MockitoBean
    KnowledgeBaseService knowledge;

    @BeforeEach
    void realRulesBehindTheMocks() {
        DecisionService real = TestKnowledge.decisions();
        given(knowledge.current()).willAnswer(inv -> TestKnowledge.kb());
        given(decisions.decide(any())).willAnswer(inv -> real.decide(inv.getArgument(0)));
        given(decisions.decide(any(), any())).willAnswer(inv -> real.decide(inv.getArgument(0)));
        // one page's decisions all go through the mock (so tests see them), on the repository's rules
        given(decisions.pinned()).willReturn(decisions);
        given(decisions.rules()).willAnswer(inv -> TestKnowledge.kb());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        Clock clock() {
            return TestKnowledge.CLOCK;
        }

        /** The API's strict reading of cases (de.lotse.api.StrictJsonConfiguration does the same in the service). */
        @Bean
        Jackson2ObjectMapperBuilderCustomizer strictCaseJson() {
            return builder -> builder.featuresToEnable(CaseJson.ENABLED.toArray())
                    .featuresToDisable(CaseJson.DISABLED.toArray());
        }
    }
}
