package org.energylab.lesson;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.energylab.web.SecurityHeaders;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the images of the content folder, and nothing else of it: no other file type, nothing
 * outside the folder (see {@link ContentStore#find}), and never as a page that can run script.
 */
@RestController
class LessonFilesController {
    private static final Map<String, MediaType> TYPES = Map.of(
            "svg", MediaType.valueOf("image/svg+xml"),
            "png", MediaType.IMAGE_PNG,
            "jpg", MediaType.IMAGE_JPEG,
            "jpeg", MediaType.IMAGE_JPEG,
            "gif", MediaType.IMAGE_GIF,
            "webp", MediaType.valueOf("image/webp"));

    private final ContentStore store;

    LessonFilesController(ContentStore store) {
        this.store = store;
    }

    @GetMapping("/lesson-files/{*path}")
    ResponseEntity<Resource> file(@PathVariable String path, HttpServletResponse response) {
        // An image opened on its own is a document of the application's origin: an SVG file could
        // hold script. Replaces the pages' policy (set on every response) with one that runs none.
        response.setHeader(SecurityHeaders.CONTENT_SECURITY_POLICY, SecurityHeaders.FILE_POLICY);
        String relative = path.startsWith("/") ? path.substring(1) : path;
        String extension = relative.substring(relative.lastIndexOf('.') + 1).toLowerCase();
        MediaType type = TYPES.get(extension);
        if (type == null) {
            return ResponseEntity.notFound().build();
        }
        return store.find(relative)
                .map(r -> ResponseEntity.ok()
                        .contentType(type)
                        .cacheControl(CacheControl.noCache())
                        .body(r))
                .orElse(ResponseEntity.notFound().build());
    }
}
