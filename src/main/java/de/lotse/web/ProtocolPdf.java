package de.lotse.web;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The advice protocol as PDF (A4), rendered on the server with OpenHTMLtoPDF from the same fragments as the result
 * page. It embeds DejaVu Sans from the jar (fonts/), so umlauts, €, § and check marks look the same everywhere.
 */
@Component
public class ProtocolPdf {

    static final String FONT = "DejaVu Sans";

    private final ITemplateEngine templates;
    private final byte[] regular;
    private final byte[] bold;
    private final String css;

    public ProtocolPdf(ITemplateEngine templates) {
        this.templates = templates;
        this.regular = read("fonts/DejaVuSans.ttf");
        this.bold = read("fonts/DejaVuSans-Bold.ttf");
        this.css = new String(read("static/css/protocol.css"), StandardCharsets.UTF_8);
    }

    /** The protocol of one result, in the locale's language, with the moment it was made. */
    public byte[] render(ResultView view, Map<String, Object> extra, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("view", view);
        context.setVariable("css", css);
        context.setVariable("lang", Languages.of(locale).name());
        extra.forEach(context::setVariable);
        String html = templates.process("pdf/protocol", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessbility(true);
            builder.withProducer("Fachkräfte-Lotse");
            builder.useFont(() -> new ByteArrayInputStream(regular), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new ByteArrayInputStream(bold), FONT, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the protocol could not be rendered", e);
        }
        return out.toByteArray();
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("missing in the jar: " + path, e);
        }
    }
}
