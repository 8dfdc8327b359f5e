package de.lotse.security;

import java.util.List;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

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

    /**
     * The headers every answer carries (SecurityConfig#common), written here because the firewall refused first: the
     * same header writers Spring Security's header configuration uses, with the same values.
     */
    private static final List<HeaderWriter> HEADERS = List.of(
            new ContentSecurityPolicyHeaderWriter(SecurityConfig.CSP),
            new XContentTypeOptionsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
            new ReferrerPolicyHeaderWriter(ReferrerPolicy.get(SecurityConfig.REFERRER_POLICY)),
            new PermissionsPolicyHeaderWriter(SecurityConfig.PERMISSIONS_POLICY),
            new CacheControlHeadersWriter());

    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            HEADERS.forEach(writer -> writer.writeHeaders(request, response));
            response.sendError(HttpStatus.BAD_REQUEST.value());
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashToTheFirewall() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }
}
