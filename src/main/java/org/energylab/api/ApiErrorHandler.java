package org.energylab.api;

import org.energylab.simulation.InvalidParameterException;
import org.energylab.simulation.RunRefusedException;
import org.energylab.simulation.RunStoppedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns every failure of the API into {@code {"error": ..., "field": ...}} with a fitting status. */
@RestControllerAdvice(assignableTypes = SimulationApi.class)
class ApiErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ApiError> invalid(InvalidParameterException e) {
        return ResponseEntity.badRequest().body(new ApiError(e.getMessage(), e.field()));
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return ResponseEntity.status(e.status()).body(new ApiError(e.getMessage(), e.field()));
    }

    @ExceptionHandler(RunRefusedException.class)
    ResponseEntity<ApiError> refused(RunRefusedException e) {
        HttpStatus status = e.reason() == RunRefusedException.Reason.SERVER_BUSY
                ? HttpStatus.SERVICE_UNAVAILABLE
                : HttpStatus.TOO_MANY_REQUESTS;
        return ResponseEntity.status(status).header("Retry-After", "2").body(ApiError.of(e.getMessage()));
    }

    @ExceptionHandler(RunStoppedException.class)
    ResponseEntity<ApiError> stopped(RunStoppedException e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(ApiError.of(e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest()
                .body(ApiError.of(
                        "The request body is not valid JSON of the form" + " {\"parameters\": {...}, \"seed\": 42}"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(ApiError.of("Send the request body as application/json"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).body(ApiError.of(e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("API request failed", e);
        return ResponseEntity.internalServerError()
                .body(ApiError.of("The simulation failed unexpectedly; the error has been logged."));
    }
}
