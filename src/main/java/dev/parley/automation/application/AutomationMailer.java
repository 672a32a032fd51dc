package dev.parley.automation.application;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Sends rule emails through SMTP configured with SPRING_MAIL_*; without it, says so instead of failing. */
@Component
class AutomationMailer {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    AutomationMailer(ObjectProvider<JavaMailSender> sender, @Value("${parley.mail.from:parley@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /** Sends one message per recipient; returns how many were sent. */
    int send(List<String> recipients, String subject, String body) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) return 0;
        for (String to : recipients) {
            var message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to);
            message.setSubject(subject);
            message.setText(body);
            mail.send(message);
        }
        return recipients.size();
    }
}
