package de.lotse.api;

import java.io.IOException;
import org.springframework.http.ProblemDetail;

/** The request body exceeds the configured limit (413). An IOException so that it can end a body being read. */
class PayloadTooLargeException extends IOException {

    private final long limit;

    PayloadTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    ProblemDetail problem() {
        return Problems.payloadTooLarge(limit);
    }
}
