package de.lotse.web;

import static de.lotse.web.FormCases.indianDeveloper;
import static de.lotse.web.FormTokenRejectedTest.NOTICE;
import static de.lotse.web.FormTokenRejectedTest.browser;
import static de.lotse.web.FormTokenRejectedTest.followForward;
import static de.lotse.web.FormTokenRejectedTest.refused;
import static de.lotse.web.FormTokenRejectedTest.staleToken;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * With {@code lotse.web.password} the form stays closed: the forward of a refused form POST passes the authorization
 * like any request, so without the advisor's credentials there is no form, only the 401 problem.
 */
@TestPropertySource(properties = "lotse.web.password=advisor-secret")
class FormTokenRejectedWithPasswordTest extends WebSliceTest {

    @Test
    void theForwardNeedsTheAdvisorToo() throws Exception {
        MvcResult anonymous = refused(mvc, staleToken(browser("/advice", indianDeveloper())));
        followForward(mvc, anonymous)
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:lotse:problem:unauthorized"));

        MvcResult advisor = refused(mvc, staleToken(browser("/advice", indianDeveloper()))
                .with(httpBasic("advisor", "advisor-secret")));
        followForward(mvc, advisor)
                .andExpect(status().isForbidden())
                .andExpect(xpath(NOTICE).exists())
                .andExpect(xpath("//input[@id='candidate-age']/@value").string("31"));
        verifyNoInteractions(decisions);
    }
}
