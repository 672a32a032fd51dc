package dev.parley.attachment.web;

import dev.parley.attachment.FileType;
import dev.parley.attachment.application.UrlSigner;
import dev.parley.attachment.persistence.AttachmentRepository;
import dev.parley.attachment.persistence.StoredAttachment;
import dev.parley.attachment.storage.BlobStorage;
import dev.parley.shared.ResourceNotFound;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a file or its thumbnail to whoever holds a valid, unexpired signed URL (anything else is a 404, like a
 * missing file). Streamed from the storage; never inline unless it is a raster image, audio, video or a PDF, never
 * sniffed, and sandboxed, so an uploaded HTML or SVG file cannot run in Parley's origin.
 */
@RestController
class DownloadController {

    private final AttachmentRepository attachments;
    private final BlobStorage storage;
    private final UrlSigner signer;

    DownloadController(AttachmentRepository attachments, BlobStorage storage, UrlSigner signer) {
        this.attachments = attachments;
        this.storage = storage;
        this.signer = signer;
    }

    @GetMapping("/attachments/{id}/{variant:file|thumb}")
    ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable String variant,
                                                 @RequestParam(defaultValue = "0") long expires,
                                                 @RequestParam(required = false) String signature) throws IOException {
        if (!signer.valid(id, variant, expires, signature)) throw new ResourceNotFound("Attachment");
        StoredAttachment a = attachments.find(id).orElseThrow(() -> new ResourceNotFound("Attachment"));
        boolean thumb = variant.equals("thumb");
        String key = thumb ? a.thumbKey() : a.storageKey();
        if (key == null) throw new ResourceNotFound("Attachment");
        InputStream in;
        try {
            in = storage.get(key);
        } catch (NoSuchFileException e) {
            throw new ResourceNotFound("Attachment");
        }
        String type = thumb ? "image/png" : a.contentType();
        boolean inline = FileType.inline(type);
        var headers = new HttpHeaders();
        headers.setContentType(inline ? MediaType.parseMediaType(type) : MediaType.APPLICATION_OCTET_STREAM);
        headers.setContentDisposition((inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(thumb ? "thumb-" + a.fileName() + ".png" : a.fileName(), java.nio.charset.StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
        headers.setCacheControl("private, max-age=3600");
        if (!thumb) headers.setContentLength(a.fileSize());
        return ResponseEntity.ok().headers(headers).body(new InputStreamResource(in));
    }
}
