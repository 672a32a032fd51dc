package dev.parley.email.application;

import dev.parley.conversation.ConversationManagement;
import dev.parley.email.persistence.OutboxRepository;
import dev.parley.email.persistence.OutboxRepository.OutboxMail;
import dev.parley.inbox.InboxQueries;
import dev.parley.inbox.InboxView;
import dev.parley.shared.Actor;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox: claims due mail (committed: no other node or restart sends it again), sends it by the inbox's
 * SMTP server, then marks it sent; a temporary refusal is retried with a growing delay, a permanent one (5xx) or the
 * last attempt marks the message failed with the server's answer. Mail claimed by a server that then died is marked
 * failed, never sent twice.
 */
@Component
class OutboxSender implements org.springframework.context.SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxRepository outbox;
    private final InboxQueries inboxes;
    private final MailServers servers;
    private final MailComposer composer;
    private final ConversationManagement conversations;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration retryBase;
    private final int maxAttempts;
    private final Duration pollInterval;
    private volatile java.util.concurrent.ScheduledExecutorService thread;

    OutboxSender(OutboxRepository outbox, InboxQueries inboxes, MailServers servers, MailComposer composer,
                 ConversationManagement conversations, TransactionTemplate tx, Clock clock,
                 @Value("${parley.email.outbox.retry-base:PT30S}") Duration retryBase,
                 @Value("${parley.email.outbox.max-attempts:6}") int maxAttempts,
                 @Value("${parley.email.outbox.poll-interval:PT1S}") Duration pollInterval) {
        this.pollInterval = pollInterval;
        this.outbox = outbox;
        this.inboxes = inboxes;
        this.servers = servers;
        this.composer = composer;
        this.conversations = conversations;
        this.tx = tx;
        this.clock = clock;
        this.retryBase = retryBase;
        this.maxAttempts = maxAttempts;
    }

    /** Its own thread (a slow SMTP server must not hold up the shared timers), named so it uses the timers' connections. */
    @Override
    public void start() {
        thread = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "timer-email-outbox"));
        thread.scheduleWithFixedDelay(this::sendDueSafely, 2000, pollInterval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        var t = thread;
        if (t == null) return;
        t.shutdown();
        try {
            t.awaitTermination(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void sendDueSafely() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Sending the email outbox failed; trying again shortly", e);
        }
    }

    void sendDue() {
        tx.executeWithoutResult(s -> outbox.abandonedClaims(clock.instant().minus(Duration.ofMinutes(10)))
                .forEach(m -> markFailed(m, "the server stopped while sending this mail; it was not sent again to avoid a duplicate")));
        List<OutboxMail> due;
        do {
            due = tx.execute(s -> outbox.claimDue(clock.instant(), 20));
            due.forEach(this::send);
        } while (due.size() == 20);
    }

    private void send(OutboxMail mail) {
        try {
            InboxView inbox = inboxes.byId(mail.inboxId()).orElseThrow(() -> new MessagingException("the inbox was deleted"));
            try (MailServers.Smtp smtp = servers.smtp(inbox)) {
                MimeMessage mime = composer.compose(smtp.session(), inbox, mail);
                smtp.transport().sendMessage(mime, mime.getAllRecipients());
            }
            tx.executeWithoutResult(s -> outbox.markSent(mail.id()));
        } catch (MessagingException | IOException | RuntimeException e) {
            String reason = reason(e);
            if (permanent(e) || mail.attempts() >= maxAttempts) {
                log.info("Mail of message {} failed for good: {}", mail.messageId(), reason);
                tx.executeWithoutResult(s -> markFailed(mail, reason));
            } else {
                Duration delay = retryBase.multipliedBy(1L << Math.min(mail.attempts() - 1, 8));
                log.info("Mail of message {} not sent ({}); trying again in {}", mail.messageId(), reason, delay);
                tx.executeWithoutResult(s -> outbox.retryAt(mail.id(), clock.instant().plus(delay), reason));
            }
        }
    }

    private void markFailed(OutboxMail mail, String reason) {
        outbox.markFailed(mail.id(), reason);
        conversations.updateMessageStatus(mail.accountId(), mail.displayId(), mail.messageId(), "failed", reason, Actor.system());
    }

    private static boolean permanent(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPSendFailedException smtp && smtp.getReturnCode() >= 500) return true;
            if (t instanceof SendFailedException sendFailed && sendFailed.getValidSentAddresses() == null
                    && sendFailed.getValidUnsentAddresses() == null && sendFailed.getInvalidAddresses() != null) return true;
        }
        return false;
    }

    private static String reason(Exception e) {
        if (e instanceof AuthenticationFailedException) return "the SMTP server refused the login: " + e.getMessage();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
