package de.lotse.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Requests that reach no page: a browser gets the error page in the page's language with the right status, a program
 * (an address under /api/, or an Accept that prefers JSON) the API's problem document; neither shows internals.
 */
class PageErrorsTest extends WebSliceTest {

    /** What Firefox and Chromium send when they open an address. */
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private ResultActions perform(MockHttpServletRequestBuilder request, String accept) throws Exception {
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        return mvc.perform(request)
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("at de.lotse"))));
    }

    private static void isErrorPage(ResultActions answer, String message) throws Exception {
        answer.andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(xpath("//main/p[1]").string(message))
                .andExpect(xpath("//main//a[@href='/']").exists());
    }

    private static void isProblem(ResultActions answer, int status) throws Exception {
        answer.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty());
    }

    @Test
    void aBrowserAskingForAPageThatDoesNotExistGetsTheErrorPage() throws Exception {
        for (String path : List.of("/nonexistent", "/rules/xyz", "/advice/xyz", "/css/nothing.css")) {
            isErrorPage(perform(get(path), BROWSER).andExpect(status().isNotFound())
                    .andExpect(xpath("/html/@lang").string("de"))
                    .andExpect(xpath("//h1").string("Das hat nicht geklappt")), "Diese Seite gibt es nicht.");
        }
        isErrorPage(perform(get("/nonexistent").param("lang", "en"), BROWSER).andExpect(status().isNotFound())
                .andExpect(xpath("/html/@lang").string("en")), "This page does not exist.");
    }

    @Test
    void aMethodThatNoPageTakesIs405WithTheErrorPage() throws Exception {
        isErrorPage(perform(get(AdvisorController.TOKEN_REJECTED), BROWSER).andExpect(status().isMethodNotAllowed())
                .andExpect(header().string(HttpHeaders.ALLOW, "POST")),
                "Diese Seite lässt sich so nicht aufrufen. Bitte beginnen Sie auf der Beratungsseite.");
        isErrorPage(perform(delete("/").with(csrf()), BROWSER).andExpect(status().isMethodNotAllowed())
                .andExpect(header().string(HttpHeaders.ALLOW, containsString("GET"))),
                "Diese Seite lässt sich so nicht aufrufen. Bitte beginnen Sie auf der Beratungsseite.");
    }

    @Test
    void theApiKeepsItsProblemDocumentsEvenForABrowser() throws Exception {
        isProblem(perform(get("/api/v1/nope"), BROWSER).andExpect(status().isNotFound()), 404);
        isProblem(perform(get("/api/v1/nope"), null).andExpect(status().isNotFound()), 404);
    }

    @Test
    void aProgramAskingForAPagePathGetsAProblemDocument() throws Exception {
        for (String accept : new String[] {"application/json", "application/problem+json", "*/*",
                "application/json, text/html", "text/html;q=0.5, application/json", null}) {
            isProblem(perform(get("/nonexistent"), accept).andExpect(status().isNotFound()), 404);
        }
        isProblem(perform(get(AdvisorController.TOKEN_REJECTED), "application/json")
                .andExpect(status().isMethodNotAllowed()), 405);
        // a browser-like Accept that prefers HTML over JSON is a browser
        isErrorPage(perform(get("/nonexistent"), "text/html, application/json;q=0.9").andExpect(status().isNotFound()),
                "Diese Seite gibt es nicht.");
    }
}
