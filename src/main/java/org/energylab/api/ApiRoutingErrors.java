package org.energylab.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers, in the API's JSON form, the failures that happen while Spring picks a controller for an
 * {@code /api} request or writes its answer: a method the address does not take (405, with {@code
 * Allow}), a body that is not JSON (415), an Accept header without JSON (406). Requests outside
 * {@code /api} get Spring's usual handling: rethrowing the exception hands it on. Unknown {@code
 * /api} addresses are {@link ApiFallback}'s. Every error body names its type, so it goes out as
 * JSON whatever the request's Accept header says.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRoutingErrors {

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws HttpRequestMethodNotSupportedException {
        if (!ApiPaths.isApi(request)) {
            throw e;
        }
        String allowed = e.getSupportedHttpMethods() == null
                ? ""
                : e.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", "));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED);
        if (!allowed.isEmpty()) {
            answer.header(HttpHeaders.ALLOW, allowed);
        }
        return answer.contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(e.getMethod() + " is not allowed here"
                        + (allowed.isEmpty() ? "" : "; this address takes " + allowed)));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        if (!ApiPaths.isApi(request)) {
            throw e;
        }
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of("Send the request body as application/json"));
    }

    /** A client that does not take JSON still gets its answer in JSON, the only form the API has. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request)
            throws HttpMediaTypeNotAcceptableException {
        if (!ApiPaths.isApi(request)) {
            throw e;
        }
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of("The API answers in application/json only"));
    }
}
