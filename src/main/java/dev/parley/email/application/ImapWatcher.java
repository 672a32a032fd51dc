package dev.parley.email.application;

import dev.parley.email.persistence.ImapCursorRepository;
import dev.parley.email.persistence.ImapCursorRepository.Cursor;
import dev.parley.inbox.InboxView;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one inbox's mailbox imported, on its own thread: catches up from the stored cursor (UIDVALIDITY + last UID),
 * then waits with IMAP IDLE (or polls where the server has no IDLE) and catches up again. A dropped connection is
 * reopened with a growing delay, and the catch-up brings everything that arrived meanwhile.
 */
class ImapWatcher implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ImapWatcher.class);
    private static final int BATCH = 100;

    private final InboxView inbox;
    private final MailServers servers;
    private final MailImport imports;
    private final ImapCursorRepository cursors;
    private final Duration idleRefresh;
    private final Duration maxBackoff;
    private volatile boolean running = true;
    private volatile Store store;
    private volatile Thread thread;

    ImapWatcher(InboxView inbox, MailServers servers, MailImport imports, ImapCursorRepository cursors, Duration idleRefresh,
                Duration maxBackoff) {
        this.inbox = inbox;
        this.servers = servers;
        this.imports = imports;
        this.cursors = cursors;
        this.idleRefresh = idleRefresh;
        this.maxBackoff = maxBackoff;
    }

    InboxView inbox() {
        return inbox;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        long failures = 0;
        while (running) {
            try {
                watchOnce();
                failures = 0;
            } catch (MessagingException | IOException | RuntimeException e) {
                if (!running) break;
                failures++;
                long delay = Math.min(maxBackoff.toMillis(), 500L << Math.min(failures, 10));
                log.info("IMAP of inbox {} failed ({}); trying again in {} ms", inbox.id(), e.toString(), delay);
                sleep(delay);
            } finally {
                closeQuietly();
            }
        }
    }

    void stop() {
        running = false;
        closeQuietly();
        Thread t = thread;
        if (t != null) t.interrupt();
    }

    private void watchOnce() throws MessagingException, IOException {
        store = servers.imap(inbox);
        IMAPFolder folder = (IMAPFolder) store.getFolder("INBOX");
        folder.open(Folder.READ_ONLY);
        boolean idle = ((IMAPStore) store).hasCapability("IDLE");
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "imap-refresh-" + inbox.id()));
        try {
            // ends a long IDLE now and then: the server's 30-minute limit, and a connection that died silently shows up
            refresher.scheduleWithFixedDelay(() -> poke(folder), idleRefresh.toMillis(), idleRefresh.toMillis(), TimeUnit.MILLISECONDS);
            while (running) {
                long last = catchUp(folder);
                int count = folder.getMessageCount(); // a NOOP: news that came during the catch-up
                if (count > 0 && folder.getUID(folder.getMessage(count)) > last) continue;
                if (idle) folder.idle(true);
                else sleep(idleRefresh.toMillis() / 4);
                if (!folder.isOpen()) throw new MessagingException("the mailbox was closed by the server");
            }
        } finally {
            refresher.shutdownNow();
        }
    }

    /** Imports every mail after the cursor, oldest first, moving the cursor after each; answers the last UID. */
    private long catchUp(IMAPFolder folder) throws MessagingException, IOException {
        long validity = folder.getUIDValidity();
        Cursor cursor = cursors.find(inbox.id()).filter(c -> c.uidValidity() == validity).orElse(new Cursor(validity, 0));
        long last = cursor.lastUid();
        while (running) {
            Message[] batch = folder.getMessagesByUID(last + 1, UIDFolder.LASTUID);
            var fetch = new jakarta.mail.FetchProfile();
            fetch.add(UIDFolder.FetchProfileItem.UID);
            folder.fetch(batch, fetch);
            int imported = 0;
            for (Message m : batch) {
                long uid = folder.getUID(m);
                if (uid <= last) continue; // "n:*" answers the last mail even when its UID is below n
                imports.receive(inbox, raw(m));
                last = uid;
                cursors.save(inbox.id(), new Cursor(validity, last));
                if (++imported >= BATCH || !running) break;
            }
            if (imported < BATCH) break;
        }
        return last;
    }

    private static byte[] raw(Message m) throws MessagingException, IOException {
        var out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    private static void poke(IMAPFolder folder) {
        try {
            folder.getMessageCount();
        } catch (MessagingException | RuntimeException ignored) {
            // the watcher's own thread sees the failure
        }
    }

    private void closeQuietly() {
        Store s = store;
        if (s == null) return;
        try {
            s.close();
        } catch (MessagingException | RuntimeException ignored) {
            // closing a broken connection
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
