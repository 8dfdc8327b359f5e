package de.lotse.hardening;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event, and what is printed to stdout and stderr, at the levels the service runs with in
 * production: DEBUG for {@code de.lotse}, INFO for everything else (loggers that application.properties sets
 * explicitly keep their level, as in production). Restores the previous levels and streams on {@link #close()}.
 */
final class LogCapture implements AutoCloseable {

    /** Loggers that logback-test.xml quietens for the test output; production leaves them at INFO. */
    private static final List<String> QUIETENED_IN_TESTS = List.of("org.springframework", "org.springdoc",
            "org.hibernate.validator", "org.drools", "org.kie", "org.apache", "com.zaxxer", "io.micrometer",
            "de.lotse.access");

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Map<String, Level> previous = new HashMap<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    LogCapture() {
        appender.setContext(context);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        level(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.INFO);
        level("de.lotse", Level.DEBUG);
        QUIETENED_IN_TESTS.forEach(name -> level(name, null));
        root.addAppender(appender);
        System.setOut(new PrintStream(new Tee(out, printed), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, printed), true, StandardCharsets.UTF_8));
    }

    private void level(String name, Level level) {
        Logger logger = context.getLogger(name);
        previous.put(name, logger.getLevel());
        logger.setLevel(level);
    }

    /** The events captured so far. */
    List<ILoggingEvent> events() {
        return new ArrayList<>(appender.list);
    }

    /** Everything an event could write: logger, message with arguments, MDC, exceptions with their causes. */
    static String fullText(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        event.getMDCPropertyMap().forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
        if (event.getKeyValuePairs() != null) {
            event.getKeyValuePairs().forEach(kv -> text.append(' ').append(kv.key).append('=').append(kv.value));
        }
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            text.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                text.append(' ').append(frame.getSTEAsString());
            }
        }
        return text.toString();
    }

    /** What was printed to stdout and stderr (the console log included). */
    String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
        previous.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            try {
                first.write(b);
            } catch (java.io.IOException ignored) {
                // the original stream's problem is not the test's
            }
            synchronized (second) {
                try {
                    second.write(b);
                } catch (java.io.IOException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                first.write(b, off, len);
            } catch (java.io.IOException ignored) {
                // the original stream's problem is not the test's
            }
            synchronized (second) {
                try {
                    second.write(b, off, len);
                } catch (java.io.IOException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }

        @Override
        public void flush() {
            try {
                first.flush();
            } catch (java.io.IOException ignored) {
                // nothing to do
            }
        }
    }
}
