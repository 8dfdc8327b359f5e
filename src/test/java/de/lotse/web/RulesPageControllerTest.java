package de.lotse.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import de.lotse.knowledge.KnowledgeBase;
import de.lotse.knowledge.ReloadAttempt;
import de.lotse.knowledge.ReloadStatus;
import de.lotse.knowledge.RuleInfo;
import de.lotse.knowledge.RuleProblem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** The rules page for legal experts and its reload button (admin only). */
class RulesPageControllerTest extends WebSliceTest {

    @Test
    void showsTheVersionInServiceEveryRuleWithCitationAndLocationAndEveryParameterWithValuesAndSources() throws Exception {
        KnowledgeBase kb = TestKnowledge.kb();
        RuleInfo rule = kb.rules().get(0);
        given(knowledge.lastReload()).willReturn(Optional.empty());
        mvc.perform(get("/rules"))
                .andExpect(status().isOk())
                .andExpect(xpath("//dd[@id='rules-version']").string(kb.version()))
                .andExpect(xpath("count(//section[@id='rules-catalogue']//tbody/tr)").number((double) kb.rules().size()))
                .andExpect(xpath("//section[@id='rules-catalogue']//tr[td[1]='%s']/td[3]", rule.name())
                        .string(rule.file() + ":" + rule.line()))
                .andExpect(xpath("count(//section[@id='parameters']/article)").number((double) kb.parameters().definitions().size()))
                .andExpect(xpath("//article[@id='parameter-blue-card-general-threshold']//tr[td[1]='01.01.2026']/td[2]").string("50.700"))
                .andExpect(xpath("count(//article[@id='parameter-blue-card-general-threshold']/dl//a)").number(1.0))
                .andExpect(xpath("//article[@id='parameter-blue-card-general-threshold']//tr[td[1]='01.01.2026']/td[3]/a/@href")
                        .string(containsString("https://")))
                .andExpect(xpath("//article[@id='parameter-study-monthly-subsistence']//tr[td[1]='01.01.2026']/td[2]/span")
                        .string("nicht amtlich bestätigt"))
                .andExpect(xpath("//article[@id='parameter-study-monthly-subsistence']//tr[td[1]='01.01.2025']/td[2]/span")
                        .doesNotExist())
                .andExpect(xpath("//section[@id='code-lists']//tr[td/code='WESTERN_BALKANS']/td[4]").string("AL, BA, ME, MK, RS, XK"))
                .andExpect(content().string(containsString("Seit dem Start wurde nicht neu geladen")))
                .andExpect(xpath("//form[@action='/rules/reload']/input[@name='_csrf']").exists());
    }

    @Test
    void aFailedReloadIsShownWithEveryErrorByFileAndLine() throws Exception {
        given(knowledge.lastReload()).willReturn(Optional.of(new ReloadAttempt(Instant.parse("2026-03-09T10:15:30Z"),
                "file watcher", ReloadStatus.FAILED, "sha256:old", "sha256:new",
                List.of(new RuleProblem("aufenthg/s18g_blaue_karte.drl", 42, "[ERR 102] mismatched input"),
                        new RuleProblem("parameters/blue-card-general-threshold.yaml", 7, "the value for 2027-01-01 has no 'source'")),
                120)));
        mvc.perform(get("/rules").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(xpath("//h1").string("Rules in service"))
                .andExpect(xpath("//section[@id='reload']//span[contains(@class,'badge')]").string("failed"))
                .andExpect(content().string(containsString("Last attempt at 2026-03-09 11:15:30, triggered by “file watcher”, took 120 ms.")))
                .andExpect(content().string(containsString("The previous version stays in service: sha256:old")))
                .andExpect(xpath("//section[@id='reload']//ul[@class='problems']/li[1]/code")
                        .string("aufenthg/s18g_blaue_karte.drl:42: [ERR 102] mismatched input"))
                .andExpect(xpath("//section[@id='reload']//ul[@class='problems']/li[2]/code")
                        .string("parameters/blue-card-general-threshold.yaml:7: the value for 2027-01-01 has no 'source'"));
    }

    @Test
    void reloadingNeedsTheAdminAndComesBackToThePage() throws Exception {
        mvc.perform(post("/rules/reload").with(csrf())).andExpect(status().isUnauthorized());
        mvc.perform(post("/rules/reload").with(csrf()).with(httpBasic("admin", "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(post("/rules/reload").with(httpBasic("admin", "admin-secret"))).andExpect(status().isForbidden());
        verify(knowledge, never()).reload(anyString());

        mvc.perform(post("/rules/reload").with(csrf()).with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/rules#reload"));
        verify(knowledge).reload(RulesPageController.TRIGGER);
    }

    @Test
    void aReloadWithAStaleTokenShowsThePageAgainWithANoticeAndReloadsNothing() throws Exception {
        MvcResult refused = mvc.perform(FormTokenRejectedTest.staleToken(post("/rules/reload")
                        .with(FormTokenRejectedTest.cookieTokens()).with(httpBasic("admin", "admin-secret"))))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl(RulesPageController.TOKEN_REJECTED))
                .andReturn();
        FormTokenRejectedTest.followForward(mvc, refused)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(xpath("//p[@id='token-rejected']").string(containsString("nicht neu geladen")))
                .andExpect(xpath("//form[@action='/rules/reload']/input[@name='_csrf']").exists());
        verify(knowledge, never()).reload(anyString());

        // the address is only the forward's, not a page of its own
        mvc.perform(post(RulesPageController.TOKEN_REJECTED).with(csrf())).andExpect(status().isNotFound());
    }
}
