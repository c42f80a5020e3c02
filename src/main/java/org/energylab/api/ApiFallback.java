package org.energylab.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Answers an {@code /api} address that no controller has with a JSON 404. Without it, the request
 * would fall through to Vaadin, which maps every address and answers 200 with the application's
 * page. The mapping sits right after the controllers' (order 0), before Vaadin's and the static
 * resources'; a known address with the wrong method still gets its 405 from the controllers' mapping.
 */
@Configuration(proxyBeanMethods = false)
class ApiFallback {
    static final int ORDER = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    SimpleUrlHandlerMapping apiFallbackMapping() {
        HttpRequestHandler notFound = (request, response) -> {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            JSON.writeValue(
                    response.getOutputStream(),
                    ApiError.of("No API endpoint at " + request.getMethod() + " " + request.getRequestURI()
                            + "; GET /api/simulations lists the simulations"));
        };
        return new SimpleUrlHandlerMapping(Map.of(ApiPaths.PREFIX, notFound, ApiPaths.PREFIX + "/**", notFound), ORDER);
    }
}
