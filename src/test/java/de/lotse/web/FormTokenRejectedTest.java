package de.lotse.web;

import static de.lotse.web.AdvisorControllerTest.form;
import static de.lotse.web.FormCases.indianDeveloper;
import static de.lotse.web.AdvisorControllerTest.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A form POST whose CSRF token is missing or stale (the cookie expired, was dropped, or another tab replaced it): the
 * security filter forwards it, and the advisor gets the form again with what they entered, a working token and a
 * notice (403) — never a result, and never JSON. MockMvc records a forward without following it, so
 * {@link #followForward} does what the servlet container does; BrowserAnswersOverHttpTest checks the same over real
 * HTTP, FormTokenRejectedWithPasswordTest with a closed form.
 */
class FormTokenRejectedTest extends WebSliceTest {

    static final String COOKIE = "XSRF-TOKEN";
    static final String NOTICE = "//p[@id='token-rejected']";

    /**
     * The token store SecurityConfig configures (cookies). spring-security-test's {@code csrf()}, which other tests of
     * the shared context use, replaces the filter's store with a session-based one for good; these tests need cookies.
     */
    static RequestPostProcessor cookieTokens() {
        return request -> {
            WebTestUtils.setCsrfTokenRepository(request, new CookieCsrfTokenRepository());
            return request;
        };
    }

    /** A form POST as a browser sends it. */
    static MockHttpServletRequestBuilder browser(String path, Map<String, String> values) {
        return form(path, values).with(cookieTokens());
    }

    /** The cookie of the current token, and the token of a form from before it changed. */
    static MockHttpServletRequestBuilder staleToken(MockHttpServletRequestBuilder request) {
        return request.cookie(new Cookie(COOKIE, "current-token")).param("_csrf", "token-of-another-tab");
    }

    /** The refusal: 403 and a forward to the form (the forward's answer is the page). */
    static MvcResult refused(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl(AdvisorController.TOKEN_REJECTED))
                .andReturn();
    }

    /**
     * What the servlet container does with the forward that MockMvc only records: the same request (parameters,
     * cookies, headers) dispatched as FORWARD to the forward's address, with the forward attributes the container sets.
     */
    static ResultActions followForward(MockMvc mvc, MvcResult result) throws Exception {
        MockHttpServletRequest sent = result.getRequest();
        MockHttpServletRequestBuilder forward = post(result.getResponse().getForwardedUrl())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        sent.getParameterMap().forEach(forward::param);
        if (sent.getCookies() != null) {
            forward.cookie(sent.getCookies());
        }
        for (String name : Collections.list(sent.getHeaderNames())) {
            if (!List.of("cookie", "content-type", "content-length").contains(name.toLowerCase(Locale.ROOT))) {
                forward.header(name, Collections.list(sent.getHeaders(name)).toArray());
            }
        }
        return mvc.perform(forward.with(cookieTokens()).with(request -> {
            request.setDispatcherType(DispatcherType.FORWARD);
            request.setAttribute(RequestDispatcher.FORWARD_REQUEST_URI, sent.getRequestURI());
            request.setAttribute(RequestDispatcher.FORWARD_CONTEXT_PATH, sent.getContextPath());
            request.setAttribute(RequestDispatcher.FORWARD_SERVLET_PATH, sent.getServletPath());
            return request;
        }));
    }

    /** Sends the form as the page shows it again: its token and the cookie the browser now has. */
    private ResultActions sendAgain(MockHttpServletResponse page, Cookie cookie, Map<String, String> values)
            throws Exception {
        String token = page.getContentAsString().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        assertThat(token).as("the token in the form shown again").doesNotContain("<").isNotBlank();
        return mvc.perform(browser("/advice", values).cookie(cookie).param("_csrf", token));
    }

    @Test
    void aStaleTokenShowsTheFilledFormAgainWithANoticeAndItsTokenWorks() throws Exception {
        MvcResult refused = refused(mvc, staleToken(browser("/advice", indianDeveloper())));
        MockHttpServletResponse page = followForward(mvc, refused)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(xpath("//h1").string("Fall erfassen"))
                .andExpect(xpath(NOTICE).string(containsString("Sicherheitskennung dieser Seite war abgelaufen")))
                .andExpect(xpath("//input[@id='candidate-age']/@value").string("31"))
                .andExpect(xpath("//input[@id='jobOffer-annualGrossSalaryEur']/@value").string("52.000"))
                .andExpect(xpath("//input[@id='candidate-citizenships-0']/@value").string("Indien (IN)"))
                .andExpect(xpath("//input[@id='assessmentDate']/@value").string("2026-03-09"))
                .andExpect(xpath("//form[@id='case-form']/input[@name='_csrf']").exists())
                .andExpect(xpath("//section[contains(@class,'recommendation')]").doesNotExist())
                .andReturn().getResponse();
        verifyNoInteractions(decisions);

        sendAgain(page, new Cookie(COOKIE, "current-token"), indianDeveloper())
                .andExpect(status().isOk())
                .andExpect(xpath("//section[contains(@class,'recommendation')]//a").string("Blaue Karte EU"));
        verify(decisions, times(1)).decide(any(), any());
    }

    @Test
    void withoutTheCookieTheFormComesBackWithANewTokenThatWorks() throws Exception {
        MvcResult refused = refused(mvc, browser("/advice", indianDeveloper()));
        assertThat(refused.getResponse().getCookie(COOKIE)).as("a new token cookie").isNotNull();
        MockHttpServletResponse page = followForward(mvc, refused)
                .andExpect(status().isForbidden())
                .andExpect(xpath(NOTICE).exists())
                .andExpect(xpath("//input[@id='candidate-age']/@value").string("31"))
                .andExpect(cookie().exists(COOKIE))
                .andReturn().getResponse();

        sendAgain(page, page.getCookie(COOKIE), indianDeveloper()).andExpect(status().isOk());
        verify(decisions, times(1)).decide(any(), any());
    }

    @Test
    void thePdfOfAResultWithAStaleTokenShowsTheFormInsteadOfAProtocol() throws Exception {
        MvcResult refused = refused(mvc, staleToken(browser("/advice/pdf", with(indianDeveloper(), "from", "result"))));
        followForward(mvc, refused)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(xpath(NOTICE).exists())
                .andExpect(xpath("//input[@id='jobOffer-iscoCode']/@value").string("2512"));
        verifyNoInteractions(decisions);
    }

    @Test
    void changeAnswersWithAStaleTokenKeepsTheCaseAsPreviousVariantLikeEditButAResultLanguageSwitchDoesNot()
            throws Exception {
        Map<String, String> fromResult = with(with(indianDeveloper(), "from", "result"), "previousCase", "{\"earlier\":1}");
        // "Angaben ändern" (/edit): the case as it is becomes the previous variant, as /edit does with a valid token
        followForward(mvc, refused(mvc, staleToken(browser("/edit", fromResult))))
                .andExpect(status().isForbidden())
                .andExpect(xpath(NOTICE).exists())
                .andExpect(xpath("//input[@name='previousCase']/@value").string(containsString("\"annualGrossSalaryEur\":52000")));
        // the result page's language switch (/advice): the previous variant stays the one that was sent
        followForward(mvc, refused(mvc, staleToken(browser("/advice", fromResult))))
                .andExpect(status().isForbidden())
                .andExpect(xpath("//input[@name='previousCase']/@value").string("{\"earlier\":1}"));
        verifyNoInteractions(decisions);
    }

    @Test
    void theNoticeIsInThePagesLanguage() throws Exception {
        followForward(mvc, refused(mvc, staleToken(browser("/advice", indianDeveloper()).param("lang", "en"))))
                .andExpect(xpath("/html/@lang").string("en"))
                .andExpect(xpath(NOTICE).string(containsString("The security token of this page had expired")));
    }

    @Test
    void theFormsAddressForTheForwardIsNoPageOfItsOwn() throws Exception {
        // sent directly with a valid token: not a forward, so nothing to show
        mvc.perform(form(AdvisorController.TOKEN_REJECTED, indianDeveloper()).with(csrf()))
                .andExpect(status().isNotFound())
                .andExpect(xpath(NOTICE).doesNotExist());
        // sent directly without a token: refused like any other POST that is not the form's
        mvc.perform(browser(AdvisorController.TOKEN_REJECTED, indianDeveloper()))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl(null))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        verifyNoInteractions(decisions);
    }

    @Test
    void otherRefusedPostsStayProblemDocuments() throws Exception {
        // a POST to an address that takes none (the rules page is GET only): JSON, no forward
        mvc.perform(post("/rules").with(cookieTokens()).cookie(new Cookie(COOKIE, "current-token")).param("_csrf", "stale")
                        .with(httpBasic("admin", "admin-secret")))
                .andExpect(status().isForbidden())
                .andExpect(forwardedUrl(null))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:lotse:problem:forbidden"))
                .andExpect(jsonPath("$.title").value("Forbidden"));
        // the admin's reload without credentials: 401 problem
        mvc.perform(post("/rules/reload").with(csrf()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:lotse:problem:unauthorized"));
        for (String path : List.of("/advice", "/edit", "/advice/pdf")) {
            // a GET is no form POST: it starts a new case, token or not
            mvc.perform(get(path))
                    .andExpect(status().isFound());
        }
    }
}
