package dev.parley.web.body;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.SmartHttpMessageConverter;
import org.springframework.util.MultiValueMap;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a {@code @RequestBody} the way Rails reads params, so every Chatwoot client works unchanged:
 * {@code application/x-www-form-urlencoded} and {@code multipart/form-data} (bracket notation, see
 * {@link RailsParams}; values cast by the target type, see {@link FormValueCoercion}), and a body without a
 * Content-Type, or {@code text/plain}, that holds a JSON object (read as JSON; anything else is {@code {}}).
 * Files of a multipart body are not part of the body: controllers take them as {@code MultipartFile} parameters.
 */
public final class RailsBodyConverter implements SmartHttpMessageConverter<Object> {

    /** A single text field of a form larger than this is refused (files are streamed, text fields are read whole). */
    static final int MAX_FIELD_BYTES = 1 << 20;
    private static final List<MediaType> TYPES = List.of(MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA,
            MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM);

    private final JsonMapper json;
    private final JsonMapper form;

    public RailsBodyConverter(JsonMapper json) {
        this.json = json;
        this.form = json.rebuild()
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
                .addHandler(new FormValueCoercion())
                .build();
    }

    @Override
    public boolean canRead(ResolvableType type, MediaType mediaType) {
        Class<?> raw = type.toClass();
        if (raw == String.class || raw == byte[].class || Resource.class.isAssignableFrom(raw) || MultiValueMap.class.isAssignableFrom(raw)) {
            return false;
        }
        return mediaType == null || TYPES.stream().anyMatch(t -> t.includes(mediaType));
    }

    @Override
    public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
        return false;
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
        return TYPES;
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
        MediaType mediaType = input.getHeaders().getContentType();
        if (isForm(mediaType)) return fromForm(type);
        return fromText(type, input.getBody(), mediaType);
    }

    /** The body of a request whose body is empty (or was consumed by multipart parsing): its form fields, or {@code {}}. */
    public Object readEmpty(ResolvableType type, MediaType mediaType) {
        try {
            return isForm(mediaType) ? fromForm(type) : convert(form, Collections.emptyMap(), type);
        } catch (IOException e) {
            throw new HttpMessageNotReadableException("The request body cannot be read", e, null);
        }
    }

    private static boolean isForm(MediaType mediaType) {
        return mediaType != null && (MediaType.APPLICATION_FORM_URLENCODED.includes(mediaType) || MediaType.MULTIPART_FORM_DATA.includes(mediaType));
    }

    private Object fromForm(ResolvableType type) throws IOException {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        RailsParams params = new RailsParams();
        try {
            String contentType = request.getContentType();
            if (contentType != null && MediaType.MULTIPART_FORM_DATA.includes(MediaType.parseMediaType(contentType))) {
                for (Part part : request.getParts()) {
                    if (part.getSubmittedFileName() == null) params.add(part.getName(), text(part));
                }
            } else {
                addInterleaved(params, request.getParameterMap());
            }
        } catch (ServletException e) {
            throw new HttpMessageNotReadableException("The multipart body cannot be read", e, null);
        } catch (RailsParams.InvalidParameters e) {
            throw new HttpMessageNotReadableException(e.getMessage(), e, null);
        }
        return convertForm(params.toMap(), type);
    }

    /**
     * The servlet API groups a form's values by name and so loses their order across names; Rack needs it only for
     * lists of hashes ({@code rows[][k]=1&rows[][v]=2&rows[][k]=3}). Taking the first value of every name, then the
     * second of every name, and so on, rebuilds that order for every form a client sends element by element.
     */
    private static void addInterleaved(RailsParams params, Map<String, String[]> values) {
        int rounds = values.values().stream().mapToInt(v -> v.length).max().orElse(0);
        for (int i = 0; i < rounds; i++) {
            for (var entry : values.entrySet()) {
                if (i < entry.getValue().length) params.add(entry.getKey(), entry.getValue()[i]);
            }
        }
    }

    private static String text(Part part) throws IOException {
        if (part.getSize() > MAX_FIELD_BYTES) {
            throw new HttpMessageNotReadableException("The form field " + part.getName() + " is larger than " + MAX_FIELD_BYTES + " bytes",
                    (org.springframework.http.HttpInputMessage) null);
        }
        Charset charset = StandardCharsets.UTF_8;
        String contentType = part.getContentType();
        if (contentType != null) {
            MediaType mediaType = MediaType.parseMediaType(contentType);
            if (mediaType.getCharset() != null) charset = mediaType.getCharset();
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charset);
        }
    }

    private Object fromText(ResolvableType type, InputStream body, MediaType mediaType) throws IOException {
        byte[] bytes = body.readNBytes(MAX_FIELD_BYTES + 1);
        if (bytes.length > MAX_FIELD_BYTES) throw new HttpMessageNotReadableException("The request body is too large", (HttpInputMessage) null);
        Charset charset = mediaType != null && mediaType.getCharset() != null ? mediaType.getCharset() : StandardCharsets.UTF_8;
        String text = new String(bytes, charset).trim();
        if (!text.startsWith("{")) return convert(form, Collections.emptyMap(), type);
        try {
            return convert(json, json.readTree(text), type);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("The request body is not valid JSON", e, null);
        }
    }

    /** Form fields (strings, nested as {@link RailsParams} makes them) as the target type. */
    Object convertForm(Map<String, Object> fields, ResolvableType type) {
        return convert(form, fields, type);
    }

    private static Object convert(JsonMapper mapper, Object tree, ResolvableType type) {
        JavaType target = mapper.constructType(type.getType());
        try {
            return mapper.convertValue(tree, target);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new HttpMessageNotReadableException("The request has a value of the wrong type", e, null);
        }
    }

    @Override
    public void write(Object value, ResolvableType type, MediaType contentType, HttpOutputMessage output, Map<String, Object> hints) {
        throw new UnsupportedOperationException("RailsBodyConverter only reads");
    }
}
