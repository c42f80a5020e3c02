package org.energylab.api;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.async.DeferredResult;
import org.springframework.web.context.request.async.DeferredResultProcessingInterceptor;
import org.springframework.web.context.request.async.WebAsyncUtils;

/**
 * Notices when the client of an asynchronous API request closes its connection, so its run can stop.
 *
 * <p>Tomcat does not report a closed connection while a request waits asynchronously with its
 * body read: it only watches the socket when something reads. So the watch reads: once the request
 * has gone asynchronous it switches the input to non-blocking mode (a {@link ReadListener}), and
 * then a few times a second asks {@link ServletInputStream#available()}, which in that mode makes
 * Tomcat try a non-blocking read of the socket. An open, idle connection has nothing to read; a
 * closed one fails the read, which Tomcat reports as data available (its next read would throw).
 * A client would only send more bytes on the connection before the answer if it pipelined requests,
 * which HTTP clients do not do. Polling stops before the answer is written, so the watch never
 * touches the request while Tomcat completes it.
 */
@Component
class ClientWatch {
    static final long POLL_MILLIS = 250;

    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "api-client-watch");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Starts watching the request's connection once it has gone asynchronous; {@code onGone} runs
     * (on the watch's thread) if the client disconnects before {@link Watch#stop()}.
     */
    Watch watch(HttpServletRequest request, Runnable onGone) {
        Watch watch = new Watch(request, onGone);
        WebAsyncUtils.getAsyncManager(request)
                .registerDeferredResultInterceptor(ClientWatch.class, new DeferredResultProcessingInterceptor() {
                    @Override
                    public <T> void preProcess(NativeWebRequest web, DeferredResult<T> result) throws IOException {
                        watch.start();
                    }
                });
        return watch;
    }

    @PreDestroy
    void shutdown() {
        poller.shutdownNow();
    }

    /** One request's watch. Stop it before completing the request. */
    final class Watch {
        private final HttpServletRequest request;
        private final Runnable onGone;
        private ServletInputStream input;
        private ScheduledFuture<?> polling;
        private boolean stopped;

        private Watch(HttpServletRequest request, Runnable onGone) {
            this.request = request;
            this.onGone = onGone;
        }

        private synchronized void start() throws IOException {
            if (stopped) {
                return; // answered before it went asynchronous (a cached result)
            }
            input = request.getInputStream();
            try {
                input.setReadListener(new ReadListener() {
                    @Override
                    public void onDataAvailable() {}

                    @Override
                    public void onAllDataRead() {}

                    @Override
                    public void onError(Throwable error) {
                        gone();
                    }
                });
            } catch (UnsupportedOperationException | IllegalStateException e) {
                return; // a container (or a mock) without non-blocking input: nothing to watch with
            }
            polling = poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }

        private void poll() {
            boolean closed;
            synchronized (this) {
                if (stopped) {
                    return;
                }
                try {
                    closed = input.available() > 0;
                } catch (IOException | RuntimeException e) {
                    closed = true;
                }
            }
            if (closed) {
                gone();
            }
        }

        private void gone() {
            if (stop()) {
                onGone.run();
            }
        }

        /** Stops watching; returns false if it was stopped already. */
        synchronized boolean stop() {
            if (stopped) {
                return false;
            }
            stopped = true;
            if (polling != null) {
                polling.cancel(false);
            }
            return true;
        }
    }
}
