package dev.parley.attachment.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.attachment.Attachments;
import dev.parley.attachment.Upload;
import dev.parley.attachment.storage.BlobStorage;
import dev.parley.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** No file without its message: bytes of a rolled-back transaction, or left by a node that died, are removed. */
class StorageCleanupIntegrationTests extends IntegrationTest {

    @Autowired
    Attachments attachments;

    @Autowired
    BlobStorage storage;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OrphanCleanup orphans;

    @Test
    void theFilesOfATransactionThatRollsBackAreRemovedFromTheStorage() {
        var team = fixtures.account();
        var customer = fixtures.customer(fixtures.inbox(team), "Rita Rollback");
        long displayId = fixtures.conversation(customer, "hello");
        long messageId = team.admin().get(team.path("/conversations/" + displayId + "/messages")).expect(200).json()
                .get("payload").get(0).get("id").asLong();
        byte[] bytes = "will not survive".getBytes(StandardCharsets.UTF_8);
        List<String> keysSeen = new java.util.ArrayList<>();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            attachments.attach(team.accountId(), messageId, List.of(new Upload("doomed.txt", bytes.length, new ByteArrayResource(bytes))));
            keysSeen.addAll(jdbc.sql("SELECT storage_key FROM attachments WHERE message_id = ?").param(messageId).query(String.class).list());
            throw new IllegalStateException("the message's transaction fails after its files were stored");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(keysSeen).hasSize(1);
        assertThat(exists(keysSeen.get(0))).as("bytes removed after the rollback").isFalse();
        assertThat(pending(keysSeen.get(0))).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM attachments WHERE message_id = ?").param(messageId).query(Long.class).single()).isZero();
    }

    @Test
    void bytesWhoseKeyStayedPendingTooLongAreRemovedByTheCleanup() throws Exception {
        String key = "orphan" + System.nanoTime();
        jdbc.sql("INSERT INTO attachment_pending_keys (storage_key, created_at) VALUES (?, now() - interval '7 hours')").param(key).update();
        storage.put(key, new ByteArrayInputStream(new byte[]{1, 2, 3}), 3, "application/octet-stream");
        String young = "young" + System.nanoTime();
        jdbc.sql("INSERT INTO attachment_pending_keys (storage_key) VALUES (?)").param(young).update();
        storage.put(young, new ByteArrayInputStream(new byte[]{4}), 1, "application/octet-stream");

        orphans.removeOrphans();

        assertThat(exists(key)).isFalse();
        assertThat(pending(key)).isZero();
        assertThat(exists(young)).as("an upload still in progress is left alone").isTrue();
        assertThat(pending(young)).isOne();
    }

    private boolean exists(String key) {
        try {
            return storage.exists(key);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long pending(String key) {
        return jdbc.sql("SELECT count(*) FROM attachment_pending_keys WHERE storage_key = ?").param(key).query(Long.class).single();
    }
}
