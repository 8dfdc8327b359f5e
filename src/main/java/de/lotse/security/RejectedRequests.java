package de.lotse.security;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Addresses the firewall refuses ({@code ;}, {@code //}, {@code %2e%2e}, an encoded slash …) get the same answer as any
 * other refusal: status 400 with the security headers, then the error endpoint's problem document (or, for a browser
 * on a page address, the error page).
 * <p>
 * Without this, such an answer carried no security headers: the firewall refuses before the filter that writes them,
 * and that filter does not run for the error dispatch that renders the answer. And Tomcat itself refused an encoded
 * slash ({@code %2F}) with its own bare HTML page; it now passes it on, so the firewall refuses it like the rest (the
 * firewall lets no encoded slash through, so nothing behind it ever sees one).
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequests {

    /** The headers every answer carries (SecurityConfig#common), written here because the firewall refused first. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            setIfAbsent(response, "Content-Security-Policy", SecurityConfig.CSP);
            setIfAbsent(response, "X-Content-Type-Options", "nosniff");
            setIfAbsent(response, "X-Frame-Options", "DENY");
            setIfAbsent(response, "Referrer-Policy", SecurityConfig.REFERRER_POLICY);
            setIfAbsent(response, "Permissions-Policy", SecurityConfig.PERMISSIONS_POLICY);
            setIfAbsent(response, "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            response.sendError(HttpStatus.BAD_REQUEST.value());
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashToTheFirewall() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    private static void setIfAbsent(HttpServletResponse response, String name, String value) {
        if (!response.containsHeader(name)) {
            response.setHeader(name, value);
        }
    }
}
