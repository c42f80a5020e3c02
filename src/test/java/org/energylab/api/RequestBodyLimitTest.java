package org.energylab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.SimulationRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The 16 KB body limit over a real socket to the embedded Tomcat: a declared length over it is
 * answered before the body is even sent; a chunked body is cut off at the limit; and a chunked
 * request under it still runs, and still stops when its client leaves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestBodyLimitTest.Api.class)
class RequestBodyLimitTest {

    /** Only the web server, Spring MVC and the API: no Vaadin. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class
    })
    @Import({
        SimulationApi.class,
        ApiErrorHandler.class,
        ApiRoutingErrors.class,
        RequestBodyLimit.class,
        SimulationRegistry.class,
        SimulationRunner.class,
        ClientWatch.class
    })
    static class Api {
        @Bean
        GatedSimulation gated() {
            return new GatedSimulation();
        }
    }

    private static final String RUNS = "/api/simulations/gated/runs";

    @LocalServerPort
    int port;

    @Autowired
    GatedSimulation simulation;

    @BeforeEach
    void newGate() {
        simulation.reset();
    }

    @AfterEach
    void openTheGate() {
        simulation.gate.countDown();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("localhost", port);
        // Only a guard against hanging: every answer here comes as soon as the server decides.
        socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(GatedSimulation.WAIT_SECONDS));
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String chunkedHead() {
        return "POST " + RUNS + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + data + "\r\n";
    }

    /**
     * One answer: its head, then as much body as its Content-Length says, or its chunks up to the last
     * one. The server may keep the connection open after answering (it reads and drops what remains
     * of a refused body before closing), so the answer's own framing says where it ends.
     */
    private static String readAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
                if (complete(answer.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (java.net.SocketException e) {
            // the server closed the connection while the client was still sending: the answer is in
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String text) {
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        String head = text.substring(0, headEnd).toLowerCase(java.util.Locale.ROOT);
        int length = head.indexOf("content-length: ");
        if (length >= 0) {
            int lineEnd = head.indexOf("\r\n", length);
            int declared = Integer.parseInt(head.substring(length + 16, lineEnd < 0 ? head.length() : lineEnd)
                    .trim());
            return text.getBytes(StandardCharsets.UTF_8).length - headEnd - 4 >= declared;
        }
        return text.endsWith("\r\n0\r\n\r\n");
    }

    private static String statusLine(String answer) {
        return answer.isEmpty() ? "" : answer.substring(0, answer.indexOf("\r\n"));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsAnsweredWithoutWaitingForTheBody() throws Exception {
        try (Socket socket = connect()) {
            // Ten megabytes announced, one byte sent: a server that read the body would wait for the rest.
            send(
                    socket,
                    "POST " + RUNS + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 10000000\r\n\r\n{");
            String answer = readAnswer(socket);
            assertThat(statusLine(answer)).isEqualTo("HTTP/1.1 413 ");
            assertThat(answer)
                    .contains("application/json")
                    .contains("{\"error\":\"The request body is larger than 16 KB");
        }
        assertThat(simulation.started.getCount()).as("nothing ran").isEqualTo(1);
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
        try (Socket socket = connect()) {
            send(socket, chunkedHead() + chunk("{\"parameters\": {"));
            // 874 000 keys would take 4 s to parse; the server stops reading after 16 KB of them.
            StringBuilder keys = new StringBuilder();
            for (int i = 0; i < 3000; i++) {
                keys.append("\"k").append(i).append("\": 1, ");
            }
            send(socket, chunk(keys.toString()) + chunk("\"n\": 1}}") + "0\r\n\r\n");
            String answer = readAnswer(socket);
            assertThat(statusLine(answer)).isEqualTo("HTTP/1.1 413 ");
            assertThat(answer).contains("16 KB");
        }
        assertThat(simulation.started.getCount()).as("nothing ran").isEqualTo(1);
    }

    @Test
    void aSmallChunkedRequestRuns() throws Exception {
        try (Socket socket = connect()) {
            send(socket, chunkedHead() + chunk("{\"parameters\": ") + chunk("{\"n\": 3}}") + "0\r\n\r\n");
            assertThat(simulation.started.await(GatedSimulation.WAIT_SECONDS, TimeUnit.SECONDS))
                    .isTrue();
            simulation.gate.countDown();
            assertThat(statusLine(readAnswer(socket))).isEqualTo("HTTP/1.1 200 ");
        }
    }

    @Test
    void aChunkedRunStillStopsWhenItsClientLeaves() throws Exception {
        try (Socket socket = connect()) {
            send(socket, chunkedHead() + chunk("{\"parameters\": {\"n\": 4}}") + "0\r\n\r\n");
            assertThat(simulation.started.await(GatedSimulation.WAIT_SECONDS, TimeUnit.SECONDS))
                    .isTrue();
        }
        assertThat(simulation.stopped.await(GatedSimulation.WAIT_SECONDS, TimeUnit.SECONDS))
                .as("the run was stopped after its client disconnected")
                .isTrue();
    }
}
