package org.energylab.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an API request body over {@value #LIMIT} bytes before anything parses it: a declared
 * length over the limit is answered 413 at once, without reading the body; a body sent in chunks
 * (no declared length) is counted as it is read, and reading past the limit fails with {@link
 * TooLarge}, which the error handler also answers 413. A run request is a few hundred bytes.
 */
@Component
// after the security headers and caching filters, so that a refusal carries the headers too
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestBodyLimit extends OncePerRequestFilter {
    static final int LIMIT = 16 * 1024;
    static final String MESSAGE = "The request body is larger than 16 KB (" + LIMIT + " bytes), the most the API reads";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reading a chunked body went past the limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super(MESSAGE);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > LIMIT) {
            refuse(response);
            return;
        }
        chain.doFilter(declared < 0 ? new Limited(request) : request, response);
    }

    /** Answers 413 and sends it at once; the connection closes rather than waiting for the body. */
    static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Connection", "close");
        JSON.writeValue(response.getOutputStream(), ApiError.of(MESSAGE));
        response.flushBuffer();
    }

    /** A request whose body stream fails once more than {@value #LIMIT} bytes have been read. */
    private static final class Limited extends HttpServletRequestWrapper {
        private ServletInputStream input;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (input == null) {
                input = new Counting(super.getInputStream());
            }
            return input;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    /**
     * Counts the bytes read. Everything else goes to the container's stream, so non-blocking reads
     * (which {@link ClientWatch} uses to notice a closed connection) keep working.
     */
    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private long count;

        Counting(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws TooLarge {
            count += n;
            if (count > LIMIT) {
                throw new TooLarge();
            }
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
