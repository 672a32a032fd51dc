package dev.parley.support;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A JSON-shaped body written as Rails' bracket-notation form fields, urlencoded or multipart, as Chatwoot clients send. */
public final class FormEncoding {

    public static final String BOUNDARY = "----parley-test-boundary-7MA4YWxkTrZu0gW";

    private FormEncoding() {
    }

    /** name=value pairs in order: {@code contact[name]}, {@code labels[]}, {@code rows[][key]}. */
    public static List<String[]> fields(Map<String, ?> body) {
        List<String[]> fields = new ArrayList<>();
        body.forEach((k, v) -> flatten(k, v, fields));
        return fields;
    }

    private static void flatten(String name, Object value, List<String[]> fields) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(name + "[" + k + "]", v, fields));
        } else if (value instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof Map<?, ?> map) map.forEach((k, v) -> flatten(name + "[][" + k + "]", v, fields));
                else flatten(name + "[]", element, fields);
            }
        } else {
            fields.add(new String[] {name, value == null ? "" : String.valueOf(value)});
        }
    }

    public static byte[] urlencoded(Map<String, ?> body) {
        StringBuilder out = new StringBuilder();
        for (String[] f : fields(body)) {
            if (!out.isEmpty()) out.append('&');
            out.append(URLEncoder.encode(f[0], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(f[1], StandardCharsets.UTF_8));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] multipart(Map<String, ?> body, FilePart... files) {
        var out = new ByteArrayOutputStream();
        for (String[] f : fields(body)) {
            write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n" + f[1] + "\r\n");
        }
        for (FilePart file : files) {
            write(out, "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + file.name() + "\"; filename=\"" + file.filename()
                    + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
            out.writeBytes(file.bytes());
            write(out, "\r\n");
        }
        write(out, "--" + BOUNDARY + "--\r\n");
        return out.toByteArray();
    }

    public static String multipartType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A file part of a multipart body. */
    public record FilePart(String name, String filename, String contentType, byte[] bytes) {
    }
}
