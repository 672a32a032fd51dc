package dev.parley.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 over a bare socket, one connection per request. A hostile client writes bytes, not URIs:
 * {@code java.net.http} refuses to send bad percent-encoding or a Content-Type without a boundary, so
 * the suite speaks the protocol itself. The answer is kept as status plus the first bytes of the body.
 */
final class HostileClient {

    record Answer(int status, String body) {
    }

    private final int port;

    HostileClient(int port) {
        this.port = port;
    }

    Answer send(String method, String target, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(60_000);
            var head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: localhost\r\nConnection: close\r\nAccept: application/json\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
            head.append("\r\n");
            try {
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) out.write(body);
                out.flush();
            } catch (IOException refusedMidBody) {
                // a server may answer and close before reading a body it refuses; its answer still counts
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            // the server closing on a request it refuses to read is an answer too, never a 5xx
            return new Answer(0, "connection: " + e.getMessage());
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        var buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[16_384];
        for (int n; (n = in.read(chunk)) != -1; ) {
            if (buffer.size() < 64_000) buffer.write(chunk, 0, n);
        }
        return buffer.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        if (!text.startsWith("HTTP/1.1 ")) return new Answer(0, "no HTTP answer: " + text);
        int status = Integer.parseInt(text.substring(9, 12));
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) return new Answer(status, "");
        String body = text.substring(split + 4);
        return new Answer(status, text.substring(0, split).toLowerCase().contains("transfer-encoding: chunked") ? dechunk(body) : body);
    }

    /** The chunks' data without their size lines (enough for reading an error body). */
    private static String dechunk(String chunked) {
        var out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) break;
            int size;
            try {
                size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) break;
            int start = lineEnd + 2;
            out.append(chunked, start, Math.min(chunked.length(), start + size));
            at = start + size + 2;
        }
        return out.toString();
    }
}
