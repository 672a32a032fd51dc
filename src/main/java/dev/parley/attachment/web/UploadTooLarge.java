package dev.parley.attachment.web;

import dev.parley.attachment.AttachmentLimits;
import dev.parley.shared.InvalidInput;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over the server-wide ceiling is cut off while it streams to disk (the servlet's multipart limit);
 * it is answered like any other limit, a 422 naming the file and the limit, in Chatwoot's error shape.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
        return unprocessable(InvalidInput.of("attachments", describe(e)));
    }

    private static String describe(MaxUploadSizeExceededException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String fileName = call(cause, "getFileName");
            Object permitted = callObject(cause, "getPermittedSize");
            if (fileName != null && permitted instanceof Long limit) {
                return fileName + " is larger than " + AttachmentLimits.megabytes(limit) + ", the most this server takes for a file";
            }
            if (permitted instanceof Long limit && cause.getClass().getSimpleName().startsWith("SizeLimit")) {
                return "the request is larger than " + AttachmentLimits.megabytes(limit) + ", the most this server takes for one message";
            }
        }
        return "the upload is larger than this server takes";
    }

    /** Chatwoot's 422 shape, as the web edge writes it (a handler cannot rethrow to it: Spring resolves an exception once). */
    private static ResponseEntity<Map<String, Object>> unprocessable(InvalidInput e) {
        var body = new LinkedHashMap<String, Object>();
        body.put("message", e.getMessage());
        body.put("attributes", List.copyOf(e.errors().keySet()));
        body.put("errors", e.errors());
        body.put("error", e.errors());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(body);
    }

    /** Tomcat's file upload exceptions say which file and which limit; read by name so no Tomcat type is compiled in. */
    private static String call(Throwable t, String method) {
        Object value = callObject(t, method);
        return value instanceof String s ? s : null;
    }

    private static Object callObject(Throwable t, String method) {
        try {
            Method m = t.getClass().getMethod(method);
            return m.invoke(t);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
