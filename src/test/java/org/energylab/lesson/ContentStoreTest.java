package org.energylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

class ContentStoreTest {

    @Test
    void safePaths() {
        assertThat(ContentStore.isSafe("m/images/a.svg")).isTrue();
        assertThat(ContentStore.isSafe("course.yml")).isTrue();
        assertThat(ContentStore.isSafe(null)).isFalse();
        assertThat(ContentStore.isSafe(" ")).isFalse();
        assertThat(ContentStore.isSafe("/etc/passwd")).isFalse();
        assertThat(ContentStore.isSafe("../secret.svg")).isFalse();
        assertThat(ContentStore.isSafe("m/../../secret.svg")).isFalse();
        assertThat(ContentStore.isSafe("m/./a.svg")).isFalse();
        assertThat(ContentStore.isSafe("m//a.svg")).isFalse();
        assertThat(ContentStore.isSafe("m\\a.svg")).isFalse();
        assertThat(ContentStore.isSafe("file:/etc/passwd")).isFalse();
        assertThat(ContentStore.isSafe("m/%2e%2e/%2e%2e/secret.svg")).isFalse();
        assertThat(ContentStore.isSafe("m/..%2F..%2Fsecret.svg")).isFalse();
    }

    @Test
    void resolvesAgainstTheFolderOfAFile() {
        assertThat(ContentStore.resolve("m/", "images/a.svg")).isEqualTo("m/images/a.svg");
        assertThat(ContentStore.resolve("m/", "./images/a.svg")).isEqualTo("m/images/a.svg");
        assertThat(ContentStore.resolve("", "./a.md")).isEqualTo("a.md");
        assertThat(ContentStore.resolve("one/", "../two/b.md")).isEqualTo("two/b.md");
        assertThat(ContentStore.resolve("a/b/", "../../c.md")).isEqualTo("c.md");
        assertThat(ContentStore.resolve("m/", "../../outside.md")).startsWith("../");
    }

    @Test
    void readsFilesOfAFolderWithUnixLineEnds(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("course.yml"), "title: T\r\nmodules: []\r\n");
        ContentStore store = new ContentStore(new DefaultResourceLoader(), dir.toString());

        assertThat(store.description()).isEqualTo(dir + "/");
        assertThat(store.read("course.yml")).isEqualTo("title: T\nmodules: []\n");
        assertThat(store.find("missing.md")).isEmpty();
        assertThat(store.find("../" + dir.getFileName() + "/course.yml")).isEmpty();
        assertThatThrownBy(() -> store.read("missing.md")).isInstanceOf(ContentException.class);
    }

    @Test
    void percentEscapesCannotClimbOutOfTheFolder(@TempDir Path parent) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("content/m"));
        Files.writeString(parent.resolve("secret.svg"), "<svg/>");
        ContentStore store = new ContentStore(
                new DefaultResourceLoader(), parent.resolve("content").toString());

        assertThat(store.find("m/%2e%2e/%2e%2e/secret.svg")).isEmpty();
        assertThat(store.find("m/..%2F..%2Fsecret.svg")).isEmpty();
        assertThat(store.find("m/%2E%2E/%2E%2E/secret.svg")).isEmpty();
        assertThat(dir).exists();
    }

    @Test
    void withoutAFolderReadsThePackagedCourse() {
        ContentStore store = new ContentStore(new DefaultResourceLoader(), "");

        assertThat(store.description()).isEqualTo("the packaged course");
        assertThat(store.read("course.yml")).contains("modules:");
    }
}
