package dev.parley.attachment.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Bytes as files under one directory, two levels of fan-out so no folder grows huge. A file is written to a
 * temporary name and moved into place, so a reader never sees half a file.
 */
public class FileSystemStorage implements BlobStorage {

    private final Path root;

    public FileSystemStorage(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize());
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(String key, InputStream in, long length, String contentType) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream get(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(path(key));
    }

    private Path path(String key) {
        if (!key.matches("[A-Za-z0-9_-]{8,100}")) throw new IllegalArgumentException("bad storage key");
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }
}
