package org.energylab.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UrlPathHelper;

/** Which requests belong to the JSON API: everything under {@value #PREFIX}. */
final class ApiPaths {
    static final String PREFIX = "/api";

    private ApiPaths() {}

    /** Whether the request is for the API, judged on its decoded path as Spring MVC matches it ("/%61pi" too). */
    static boolean isApi(HttpServletRequest request) {
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        return path.equals(PREFIX) || path.startsWith(PREFIX + "/");
    }
}
