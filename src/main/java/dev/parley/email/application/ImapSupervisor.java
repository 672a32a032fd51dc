package dev.parley.email.application;

import dev.parley.email.domain.EmailSettings;
import dev.parley.email.persistence.ImapCursorRepository;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs one {@link ImapWatcher} per email inbox with IMAP on, on one node at a time: a node watches an inbox while it
 * holds that inbox's PostgreSQL advisory lock on the node's lock connection. A node that dies (even kill -9) drops
 * its connection and so its locks; another node takes the inbox at its next check. Changed settings restart the watcher.
 */
@Component
class ImapSupervisor {

    private static final Logger log = LoggerFactory.getLogger(ImapSupervisor.class);
    private static final int LOCK_SPACE = 0x4d41494c; // "MAIL"

    private final InboxQueries inboxes;
    private final MailServers servers;
    private final MailImport imports;
    private final ImapCursorRepository cursors;
    private final DataSource dataSource;
    private final Duration idleRefresh;
    private final Duration maxBackoff;
    private final boolean enabled;
    private final Map<Long, ImapWatcher> watchers = new ConcurrentHashMap<>();
    private Connection locks;

    ImapSupervisor(InboxQueries inboxes, MailServers servers, MailImport imports, ImapCursorRepository cursors, DataSource dataSource,
                   @Value("${parley.email.imap.idle-refresh:PT1M}") Duration idleRefresh,
                   @Value("${parley.email.imap.max-backoff:PT30S}") Duration maxBackoff,
                   @Value("${parley.email.imap.enabled:true}") boolean enabled) {
        this.inboxes = inboxes;
        this.servers = servers;
        this.imports = imports;
        this.cursors = cursors;
        this.dataSource = dataSource;
        this.idleRefresh = idleRefresh;
        this.maxBackoff = maxBackoff;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${parley.email.imap.check-interval:PT2S}", initialDelayString = "PT1S")
    synchronized void check() {
        if (!enabled) return;
        try {
            if (locks == null || !locks.isValid(2)) reconnect();
            var wanted = new java.util.HashMap<Long, InboxView>();
            for (InboxView inbox : inboxes.ofChannelType(EmailInboxChannel.CHANNEL_TYPE)) {
                if (EmailSettings.of(inbox.channel().all()).imapEnabled()) wanted.put(inbox.id(), inbox);
            }
            for (var entry : Map.copyOf(watchers).entrySet()) {
                InboxView now = wanted.get(entry.getKey());
                if (now == null || !now.channel().equals(entry.getValue().inbox().channel())) stop(entry.getKey());
            }
            for (InboxView inbox : wanted.values()) {
                if (!watchers.containsKey(inbox.id()) && tryLock(inbox.id())) start(inbox);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Checking the IMAP inboxes failed; trying again at the next check", e);
        }
    }

    private void start(InboxView inbox) {
        var watcher = new ImapWatcher(inbox, servers, imports, cursors, idleRefresh, maxBackoff);
        watchers.put(inbox.id(), watcher);
        Thread thread = new Thread(watcher, "imap-" + inbox.id());
        thread.setDaemon(true);
        thread.start();
    }

    private void stop(long inboxId) throws SQLException {
        ImapWatcher watcher = watchers.remove(inboxId);
        if (watcher != null) watcher.stop();
        try (var unlock = locks.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, LOCK_SPACE);
            unlock.setInt(2, (int) inboxId);
            unlock.execute();
        }
    }

    private boolean tryLock(long inboxId) throws SQLException {
        try (var lock = locks.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, LOCK_SPACE);
            lock.setInt(2, (int) inboxId);
            try (var rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** A new lock connection: the old one's locks are gone with it, so every watcher of this node stops first. */
    private void reconnect() throws SQLException {
        watchers.values().forEach(ImapWatcher::stop);
        watchers.clear();
        closeLocks();
        locks = dataSource.getConnection();
        locks.setAutoCommit(true);
    }

    @PreDestroy
    synchronized void shutdown() {
        watchers.values().forEach(ImapWatcher::stop);
        watchers.clear();
        closeLocks();
    }

    private void closeLocks() {
        if (locks == null) return;
        try {
            locks.close(); // back to the pool: release the session's locks first
        } catch (SQLException ignored) {
            // a broken connection has no locks left
        }
        locks = null;
    }
}
