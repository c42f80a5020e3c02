package org.energylab.api;

import org.energylab.simulation.InvalidParameterException;
import org.energylab.simulation.RunRefusedException;
import org.energylab.simulation.RunStoppedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns every failure inside the API's controller into {@code {"error": ..., "field": ...}} with a
 * fitting status. Failures before a controller is chosen (wrong method, media type) are {@link
 * ApiRoutingErrors}' and run first, so their specific answers win over the catch-all here.
 */
@RestControllerAdvice(assignableTypes = {SimulationApi.class, LessonApi.class})
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ApiError> invalid(InvalidParameterException e) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(e.getMessage(), e.field()));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ApiError(e.getMessage(), e.field()));
    }

    @ExceptionHandler(RunRefusedException.class)
    ResponseEntity<ApiError> refused(RunRefusedException e) {
        HttpStatus status = e.reason() == RunRefusedException.Reason.SERVER_BUSY
                ? HttpStatus.SERVICE_UNAVAILABLE
                : HttpStatus.TOO_MANY_REQUESTS;
        return ResponseEntity.status(status)
                .header("Retry-After", "2")
                .contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(e.getMessage()));
    }

    @ExceptionHandler(RunStoppedException.class)
    ResponseEntity<ApiError> stopped(RunStoppedException e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(e.getMessage()));
    }

    /** The body could not be read: it went past the size limit while arriving in chunks, or broke off. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.TooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .header("Connection", "close")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(ApiError.of(RequestBodyLimit.MESSAGE));
            }
        }
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of("The request body is not valid JSON of the form " + RunRequestReader.FORM));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("API request failed", e);
        return ResponseEntity.internalServerError()
                .contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of("The request failed unexpectedly; the error has been logged."));
    }
}
