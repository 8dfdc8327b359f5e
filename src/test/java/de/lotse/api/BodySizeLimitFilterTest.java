package de.lotse.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/**
 * The API's body limits hold wherever the service is deployed: also under a context path
 * ({@code server.servlet.context-path}), where the request's URI no longer starts with /api/.
 */
class BodySizeLimitFilterTest {

    private final BodySizeLimitFilter filter = new BodySizeLimitFilter(DataSize.ofBytes(100), DataSize.ofBytes(1000),
            new ObjectMapper());

    private static MockHttpServletRequest post(String contextPath, String path, int bodyBytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", contextPath + path);
        request.setContextPath(contextPath);
        request.setContentType("application/json");
        request.setContent(new byte[bodyBytes]);
        return request;
    }

    private static MockHttpServletResponse run(BodySizeLimitFilter filter, MockHttpServletRequest request)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aBodyAboveTheLimitIsRefusedWithOrWithoutAContextPath() throws Exception {
        for (String context : new String[] {"", "/lotse"}) {
            MockHttpServletResponse refused = run(filter, post(context, "/api/v1/decisions", 101));
            assertThat(refused.getStatus()).as(context).isEqualTo(413);
            assertThat(refused.getContentType()).as(context).startsWith("application/problem+json");

            assertThat(run(filter, post(context, "/api/v1/decisions", 100)).getStatus()).as(context).isEqualTo(200);
            assertThat(run(filter, post(context, "/api/v1/decisions/batch", 1000)).getStatus()).as(context)
                    .isEqualTo(200);
            assertThat(run(filter, post(context, "/api/v1/decisions/batch", 1001)).getStatus()).as(context)
                    .isEqualTo(413);
        }
    }

    @Test
    void pagesAreNotTheApisBusiness() throws Exception {
        assertThat(run(filter, post("/lotse", "/advice", 5000)).getStatus()).isEqualTo(200);
        assertThat(run(filter, post("", "/advice", 5000)).getStatus()).isEqualTo(200);
    }
}
