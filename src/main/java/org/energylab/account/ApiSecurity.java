package org.energylab.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Who may call the JSON API ({@code /api/**}). A caller is known by the signed-in session of the
 * browser or by HTTP Basic credentials (each request on its own; no session is made for them).
 *
 * <ul>
 *   <li>{@code /api/users}: admins only. Without credentials 401, with those of another role 403.
 *   <li>{@code /api/classes/**}, {@code /api/me/assignments}: anyone signed in (401 otherwise); the class service decides the rest.
 *   <li>Everything else (the simulations, sign-up at {@code /api/accounts}): anyone, guests too.
 * </ul>
 *
 * <p>No CSRF token is asked for: the API takes JSON bodies only (any other type is answered 415
 * before a controller runs), and a page of another site can send a JSON body only with a CORS
 * preflight, which this server never grants. The session cookie is SameSite=Lax as well, so a
 * cross-site request does not carry it at all. Answers to refused requests are JSON {@code
 * {"error"}}, like every other API error. The security headers are {@code SecurityHeaders}' (Spring
 * Security's own header writers are off in both chains, so that nothing is set twice).
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurity {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> unauthorized(response, e);
        AccessDeniedHandler forbidden = (request, response, e) ->
                error(response, HttpStatus.FORBIDDEN, "Your account may not do this; it needs the admin role");
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/users", "/api/users/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/classes", "/api/classes/**", "/api/me/assignments")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .httpBasic(basic -> basic.realmName("Energy Lab").authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable);
        return http.build();
    }

    private static void unauthorized(HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Energy Lab\", charset=\"UTF-8\"");
        String message = e instanceof LockedException || AccountAuthentication.WRONG.equals(e.getMessage())
                ? e.getMessage()
                : "Sign in first: send HTTP Basic credentials, or call from a signed-in browser session";
        error(response, HttpStatus.UNAUTHORIZED, message);
    }

    private static void error(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), Map.of("error", message));
    }
}
