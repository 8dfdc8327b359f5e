package de.lotse.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Enforces the body size limits of the API (413): {@code lotse.api.max-body-size} for single requests and
 * {@code lotse.api.max-batch-body-size} for batches. Declared lengths are refused at once; bodies without a length
 * are counted while they are read.
 */
@Component
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long maxBody;
    private final long maxBatchBody;
    private final ObjectMapper mapper;

    BodySizeLimitFilter(@Value("${lotse.api.max-body-size:256KB}") DataSize maxBody,
                        @Value("${lotse.api.max-batch-body-size:8MB}") DataSize maxBatchBody, ObjectMapper mapper) {
        this.maxBody = maxBody.toBytes();
        this.maxBatchBody = maxBatchBody.toBytes();
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = ApiPaths.pathWithinApplication(request).endsWith("/batch") ? maxBatchBody : maxBody;
        if (request.getContentLengthLong() > limit) {
            response.setHeader("Connection", "close");
            Problems.write(request, response, Problems.payloadTooLarge(limit), mapper);
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long limit;
        private long count;

        CountingStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() { return delegate.isFinished(); }

        @Override
        public boolean isReady() { return delegate.isReady(); }

        @Override
        public void setReadListener(ReadListener listener) { delegate.setReadListener(listener); }
    }
}
