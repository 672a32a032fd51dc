package dev.parley.attachment.application;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Image size and a small PNG thumbnail (at most 250 px a side, like Chatwoot's). The header is read first: an
 * image of more than {@link #MAX_PIXELS} pixels (a decompression bomb, or just a huge scan) gets no thumbnail and
 * is never decoded; others are decoded subsampled, so memory stays bounded by the thumbnail, not the image.
 */
public final class Thumbnails {

    public static final long MAX_PIXELS = 40_000_000L;
    static final int SIDE = 250;

    public record Result(int width, int height, byte[] png) {
    }

    private Thumbnails() {
    }

    /** Empty when the bytes are no image ImageIO reads; {@code png} is null when it is too large to decode. */
    public static Optional<Result> of(InputStream in) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            if (stream == null) return Optional.empty();
            var readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) return Optional.empty();
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0), height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) return Optional.of(new Result(width, height, null));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.min(width, height) / (SIDE * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                return Optional.of(new Result(width, height, png(scaled(reader.read(0, param)))));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a broken image is still stored as a file; it only has no thumbnail
        }
    }

    private static BufferedImage scaled(BufferedImage source) {
        double factor = Math.min(1.0, (double) SIDE / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * factor)), h = Math.max(1, (int) Math.round(source.getHeight() * factor));
        var thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = thumb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, w, h, null);
        g.dispose();
        return thumb;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
