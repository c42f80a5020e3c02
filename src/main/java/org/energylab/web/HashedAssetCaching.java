package org.energylab.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The production bundle's files ({@code /VAADIN/build/}) carry a hash of their content in their
 * name, so a name never changes meaning: browsers may keep them for a year without asking again.
 * Vaadin serves them with one hour; this filter replaces the Cache-Control header it writes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class HashedAssetCaching extends OncePerRequestFilter {
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    // Vite names a built file name-HASH.ext, with a hash of eight URL-safe characters.
    private static final Pattern HASHED = Pattern.compile("/VAADIN/build/[^/]*-[A-Za-z0-9_-]{8}\\.[A-Za-z0-9.]+");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !HASHED.matcher(path).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, immutable(name, value));
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, immutable(name, value));
            }

            private String immutable(String name, String value) {
                return "Cache-Control".equalsIgnoreCase(name) && getStatus() < 400 ? IMMUTABLE : value;
            }
        });
    }
}
