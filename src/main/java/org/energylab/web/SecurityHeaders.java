package org.energylab.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every response, pages, API and files alike. They are set before the
 * request is handled, so that an answer written by Vaadin, by Spring MVC or by an error page carries
 * them; a handler that serves something stricter (a lesson's SVG file) replaces the policy.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeaders extends OncePerRequestFilter {

    /**
     * The Content-Security-Policy of the application's pages, for a page whose inline scripts have the
     * given hashes. Everything comes from the application's own origin; the relaxations are the ones
     * Vaadin Flow needs, each for a reason:
     *
     * <ul>
     *   <li>{@code script-src 'sha256-...'}: the bootstrap page starts the Flow client with a few
     *       inline scripts. Vaadin documents {@code 'unsafe-inline'} for them; the page names each
     *       one by its hash instead (see {@code BootstrapScriptHashes}), so no other inline script
     *       runs. {@code 'unsafe-inline'} is listed too, for browsers older than CSP 2 only: a
     *       browser that understands hashes ignores it.
     *   <li>{@code script-src 'unsafe-eval'}: the Flow client runs the JavaScript the server sends
     *       ({@code executeJs}, which the chart and math connectors are called through, and event
     *       data expressions) by constructing functions from it.
     *   <li>{@code style-src 'unsafe-inline'}: Vaadin's components and theme inject {@code <style>}
     *       elements, the server sets {@code style} attributes, and KaTeX positions its glyphs with
     *       {@code style} attributes.
     *   <li>{@code img-src data:} and {@code font-src data:}: Lumo's icon font and small images are
     *       inlined as {@code data:} addresses by the build. No script runs from an image or a font.
     *   <li>{@code img-src https:}: a lesson may show an image from another site, over https (the
     *       content check refuses every other scheme).
     * </ul>
     *
     * Everything else (scripts, styles, fonts, connections) comes from the application's own origin;
     * the charts' WebSocket (Vaadin Push) is that origin too, which {@code connect-src 'self'} covers.
     */
    public static String pagePolicy(List<String> inlineScriptHashes) {
        StringBuilder scripts = new StringBuilder("script-src 'self'");
        if (!inlineScriptHashes.isEmpty()) {
            inlineScriptHashes.forEach(
                    hash -> scripts.append(" 'sha256-").append(hash).append('\''));
            scripts.append(" 'unsafe-inline'");
        }
        scripts.append(" 'unsafe-eval'");
        return String.join(
                "; ",
                "default-src 'self'",
                scripts,
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: https:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'self'");
    }

    /** The policy of every response that is not a Vaadin page: no inline script at all. */
    public static final String PAGE_POLICY = pagePolicy(List.of());

    /**
     * The policy of a file shown on its own (an SVG image opened in a tab): no script, no requests,
     * only its own inline styles, and a sandbox that gives it an opaque origin.
     */
    public static final String FILE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    public static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(CONTENT_SECURITY_POLICY, PAGE_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        // For browsers that predate frame-ancestors.
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        // Lesson addresses stay on the server: other sites see neither them nor the origin.
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        chain.doFilter(request, response);
    }
}
