package dev.parley.attachment;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where download URLs point: {@code parley.public-url} when set (needed for webhooks, which are sent outside any
 * request), else the host the current request came to, else a path alone. Also the server-wide ceiling a
 * per-account limit cannot pass (the servlet's multipart limit).
 */
@Component
class PublicUrl {

    private final String configured;
    private final DataSize ceiling;

    PublicUrl(@Value("${parley.public-url:}") String configured,
              @Value("${spring.servlet.multipart.max-file-size:100MB}") DataSize ceiling) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        this.ceiling = ceiling;
    }

    String base() {
        if (!configured.isBlank()) return configured;
        if (RequestContextHolder.getRequestAttributes() == null) return "";
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    long ceilingBytes() {
        return ceiling.toBytes();
    }
}
