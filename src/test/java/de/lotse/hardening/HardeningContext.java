package de.lotse.hardening;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

/**
 * The one application context of the hardening tests: the whole service with the real rules/, on a random port (for
 * the few checks that need real HTTP) and with MockMvc through every filter (for the many that do not), metrics
 * export on as in production (Prometheus), admin password set so the metrics endpoints can be read. Jupiter tests extend this class; jqwik properties, which Spring's
 * extension does not reach, take the same cached context through {@link #context()}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lotse.admin.password=" + HardeningContext.ADMIN_PASSWORD})
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
abstract class HardeningContext {

    static final String ADMIN_PASSWORD = "hardening-admin-secret";

    /** The same context the Jupiter subclasses get (Spring's test context cache). */
    static ApplicationContext context() {
        try {
            return new TestContextManager(HardeningContext.class).getTestContext().getApplicationContext();
        } catch (RuntimeException e) {
            throw new IllegalStateException("the hardening test context does not start", e);
        }
    }
}
