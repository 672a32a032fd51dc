package dev.parley.attachment.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Chooses the storage: {@code parley.storage.type=s3} uses a bucket of any S3-compatible store
 * ({@code parley.storage.s3.*}); otherwise files go to {@code parley.storage.directory}, by default beside the
 * database's data directory ({@code <data-dir>-attachments}; the data directory itself belongs to PostgreSQL),
 * or a temporary directory when no data directory is set (tests).
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    BlobStorage blobStorage(StorageProperties p) throws IOException {
        if ("s3".equalsIgnoreCase(p.type())) {
            log.info("Attachments in S3 bucket {} at {}", p.bucket(), p.endpoint().isBlank() ? "AWS" : p.endpoint());
            return new S3Storage(s3Client(p), p.bucket());
        }
        Path directory = !p.directory().isBlank() ? Path.of(p.directory())
                : !p.dataDir().isBlank() ? Path.of(p.dataDir() + "-attachments") : Files.createTempDirectory("parley-files-");
        var storage = new FileSystemStorage(directory);
        log.info("Attachments in {}", storage.root());
        return storage;
    }

    public static S3Client s3Client(StorageProperties p) {
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(p.region()))
                .forcePathStyle(p.pathStyle())
                // Checksums only where S3 requires them: many S3-compatible stores refuse the SDK's default trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(p.accessKey().isBlank() ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(p.accessKey(), p.secretKey())));
        if (!p.endpoint().isBlank()) builder.endpointOverride(URI.create(p.endpoint()));
        return builder.build();
    }

    @Bean
    StorageProperties storageProperties(@Value("${parley.storage.type:filesystem}") String type,
                                        @Value("${parley.storage.directory:}") String directory,
                                        @Value("${parley.data-dir:}") String dataDir,
                                        @Value("${parley.storage.s3.endpoint:}") String endpoint,
                                        @Value("${parley.storage.s3.bucket:parley}") String bucket,
                                        @Value("${parley.storage.s3.region:us-east-1}") String region,
                                        @Value("${parley.storage.s3.path-style:true}") boolean pathStyle,
                                        @Value("${parley.storage.s3.access-key:}") String accessKey,
                                        @Value("${parley.storage.s3.secret-key:}") String secretKey) {
        return new StorageProperties(type, directory, dataDir, endpoint, bucket, region, pathStyle, accessKey, secretKey);
    }

    public record StorageProperties(String type, String directory, String dataDir, String endpoint, String bucket, String region,
                             boolean pathStyle, String accessKey, String secretKey) {
    }
}
