package dev.parley.web;

import dev.parley.shared.InvalidInput;
import dev.parley.shared.NotAuthorized;
import dev.parley.shared.ResourceNotFound;
import dev.parley.shared.TooManyRequests;
import dev.parley.web.input.MalformedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns exceptions into Chatwoot's error bodies: {@code {"error": "..."}} for 401/404/400, and for
 * 422 {@code {"message": "Email is invalid", "attributes": ["email"], "errors": {"email": ["is invalid"]},
 * "error": {"email": ["is invalid"]}}} (the last is the shape Chatwoot's automation rules API uses).
 * Nothing a client sends may end as a 5xx; an unexpected failure is logged and answered 500.
 */
@RestControllerAdvice
class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    @ExceptionHandler(NotAuthenticated.class)
    ResponseEntity<Map<String, Object>> unauthenticated(NotAuthenticated e) {
        if (e.getMessage().startsWith("You need")) return body(HttpStatus.UNAUTHORIZED, Map.of("errors", List.of(e.getMessage())));
        return error(HttpStatus.UNAUTHORIZED, e.getMessage());
    }

    @ExceptionHandler(NotAuthorized.class)
    ResponseEntity<Map<String, Object>> unauthorized(NotAuthorized e) {
        return error(HttpStatus.UNAUTHORIZED, e.getMessage());
    }

    /** A spent rate limit: Chatwoot's error shape, and when to come back. */
    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<Map<String, Object>> tooManyRequests(TooManyRequests e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler({ResourceNotFound.class, NoResourceFoundException.class})
    ResponseEntity<Map<String, Object>> notFound(Exception e) {
        return error(HttpStatus.NOT_FOUND, "Resource could not be found");
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInput e) {
        var body = new LinkedHashMap<String, Object>();
        body.put("message", e.getMessage());
        body.put("attributes", new ArrayList<>(e.errors().keySet()));
        body.put("errors", e.errors());
        body.put("error", e.errors()); // Chatwoot's automation rules answer {"error": {field: [messages]}}
        return body(HttpStatus.UNPROCESSABLE_CONTENT, body);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> malformed(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInput refused) return invalid(refused); // a field the body reader refused (SafeTextModule)
        }
        return error(HttpStatus.BAD_REQUEST, "The request body is not valid JSON or has a value of the wrong type");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return error(HttpStatus.NOT_FOUND, "Resource could not be found");
        }
        return invalid(InvalidInput.of(e.getName(), "is invalid"));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e) {
        return invalid(InvalidInput.of(e.getParameterName(), "can't be blank"));
    }

    /** Tomcat refuses a parameter it cannot decode (invalid UTF-8 after percent-decoding): the client's mistake. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Map<String, Object>> undecodableParameter(org.apache.tomcat.util.http.InvalidParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "A parameter is not valid percent-encoded UTF-8");
    }

    @ExceptionHandler(MalformedQuery.class)
    ResponseEntity<Map<String, Object>> malformedQuery(MalformedQuery e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as JSON, a form or multipart/form-data");
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        String limit = e.getMaxUploadSize() > 0 ? " of " + e.getMaxUploadSize() / (1024 * 1024) + " MB" : "";
        return invalid(InvalidInput.of("attachments", "is larger than the upload limit" + limit));
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Map<String, Object>> badMultipart(org.springframework.web.multipart.MultipartException e) {
        return error(HttpStatus.BAD_REQUEST, "The multipart body cannot be read (is its boundary missing?)");
    }

    /** A live stream whose browser went away: nothing to answer, nothing to log. */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void clientGone() {
        // the response is no longer writable
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        if (e instanceof org.springframework.web.ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            return error(HttpStatus.valueOf(known.getStatusCode().value()), known.getBody().getDetail() == null
                    ? "The request cannot be handled" : known.getBody().getDetail());
        }
        log.error("Unexpected failure", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; it has been logged");
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return body(status, Map.of("error", message));
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, Map<String, Object> body) {
        // JSON whatever the request accepts: an error answer never fails content negotiation (that would be a 500)
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
