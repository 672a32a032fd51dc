package dev.parley.attachment.web;

import dev.parley.account.AccountQueries;
import dev.parley.attachment.AttachmentLimits;
import dev.parley.attachment.Attachments;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An account's attachment limits through the platform API (platform token): Parley's addition, next to
 * Chatwoot's platform account endpoints. Sizes in bytes.
 */
@RestController
@RequestMapping("/platform/api/v1/accounts/{accountId}/attachment_limits")
class AttachmentLimitsController {

    private final Attachments attachments;
    private final AccountQueries accounts;

    AttachmentLimitsController(Attachments attachments, AccountQueries accounts) {
        this.attachments = attachments;
        this.accounts = accounts;
    }

    record LimitsJson(long maxFileSize, int maxFiles) {
        static LimitsJson of(AttachmentLimits l) {
            return new LimitsJson(l.maxFileBytes(), l.maxFiles());
        }
    }

    record LimitsRequest(Long maxFileSize, Integer maxFiles) {
    }

    @GetMapping
    LimitsJson show(@PathVariable long accountId) {
        accounts.account(accountId);
        return LimitsJson.of(attachments.limits(accountId));
    }

    @PatchMapping
    LimitsJson update(@PathVariable long accountId, @RequestBody LimitsRequest body) {
        accounts.account(accountId);
        return LimitsJson.of(attachments.changeLimits(accountId, body.maxFileSize(), body.maxFiles()));
    }
}
