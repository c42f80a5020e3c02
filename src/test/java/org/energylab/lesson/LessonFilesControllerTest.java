package org.energylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.energylab.web.SecurityHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The controller alone, over a temporary content folder: images are served, nothing else is. */
class LessonFilesControllerTest {
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";

    @TempDir
    Path root;

    private Path dir;
    private MockMvc mvc;

    @BeforeEach
    void setUp() throws IOException {
        dir = root.resolve("content");
        Files.writeString(root.resolve("secret.svg"), SVG);
        Files.createDirectories(dir.resolve("m/images"));
        Files.writeString(dir.resolve("m/images/p.svg"), SVG);
        Files.write(dir.resolve("m/images/photo.PNG"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(dir.resolve("m/lesson.md"), "---\nid: a\n---\nsecret answer\n");
        Files.writeString(dir.resolve("course.yml"), "modules: []\n");
        ContentStore store = new ContentStore(new DefaultResourceLoader(), dir.toString());
        mvc = MockMvcBuilders.standaloneSetup(new LessonFilesController(store)).build();
    }

    @Test
    void servesImagesWithTheirType() throws Exception {
        mvc.perform(get("/lesson-files/m/images/p.svg"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/svg+xml"))
                .andExpect(content().string(SVG))
                .andExpect(header().string("Cache-Control", "no-cache"));
        mvc.perform(get("/lesson-files/m/images/photo.PNG"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"));
    }

    @Test
    void refusesFilesThatAreNotImages() throws Exception {
        mvc.perform(get("/lesson-files/m/lesson.md")).andExpect(status().isNotFound());
        mvc.perform(get("/lesson-files/course.yml")).andExpect(status().isNotFound());
        mvc.perform(get("/lesson-files/m/images")).andExpect(status().isNotFound());
    }

    @Test
    void missingImageIs404() throws Exception {
        mvc.perform(get("/lesson-files/m/images/nothing.svg")).andExpect(status().isNotFound());
    }

    @Test
    void pathsThatClimbOutAreRefused() throws Exception {
        mvc.perform(get("/lesson-files/../secret.svg")).andExpect(status().isNotFound());
        mvc.perform(get("/lesson-files/m/../../secret.svg")).andExpect(status().isNotFound());
        mvc.perform(get("/lesson-files/m/%2e%2e/%2e%2e/secret.svg")).andExpect(status().isNotFound());
        mvc.perform(get("/lesson-files/m/..%2F..%2Fsecret.svg")).andExpect(status().isNotFound());
        mvc.perform(get("/lesson-files/m/..%252F..%252Fsecret.svg")).andExpect(status().isNotFound());
        mvc.perform(get("/lesson-files/" + root.resolve("secret.svg").toAbsolutePath()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSymbolicLinkOutOfTheFolderIsNotServed() throws Exception {
        Files.write(root.resolve("passwd"), "root:x:0:0".getBytes());
        Files.createSymbolicLink(dir.resolve("m/images/innocent.png"), root.resolve("passwd"));
        Files.createSymbolicLink(dir.resolve("m/linked"), root);

        mvc.perform(get("/lesson-files/m/images/innocent.png")).andExpect(status().isNotFound());
        mvc.perform(get("/lesson-files/m/linked/secret.svg")).andExpect(status().isNotFound());
    }

    @Test
    void svgFilesAreServedUnderAPolicyThatRunsNoScript() throws Exception {
        Files.writeString(
                dir.resolve("m/images/script.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>");
        MockMvc withHeaders = MockMvcBuilders.standaloneSetup(
                        new LessonFilesController(new ContentStore(new DefaultResourceLoader(), dir.toString())))
                .addFilters(new SecurityHeaders())
                .build();

        withHeaders
                .perform(get("/lesson-files/m/images/script.svg"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityHeaders.FILE_POLICY))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        assertThat(SecurityHeaders.FILE_POLICY)
                .startsWith("default-src 'none'")
                .contains("sandbox")
                .doesNotContain("script-src");
    }
}
