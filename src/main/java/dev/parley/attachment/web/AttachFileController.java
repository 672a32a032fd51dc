package dev.parley.attachment.web;

import dev.parley.account.Membership;
import dev.parley.attachment.Attachments;
import dev.parley.attachment.Upload;
import dev.parley.shared.AdministratorOnly;
import dev.parley.shared.InvalidInput;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Chatwoot's {@code POST automation_rules/attach_file}: an administrator uploads the file a rule's
 * {@code send_attachment} action will send, and gets the {@code blob_id} to put in its action_params.
 */
@RestController
class AttachFileController {

    private final Attachments attachments;

    AttachFileController(Attachments attachments) {
        this.attachments = attachments;
    }

    @AdministratorOnly
    @PostMapping("/api/v1/accounts/{accountId}/automation_rules/attach_file")
    Map<String, Object> attach(Membership me, @RequestParam(required = false) MultipartFile attachment) {
        if (attachment == null || attachment.isEmpty()) throw InvalidInput.of("attachment", "can't be blank");
        long id = attachments.keepForRule(me.accountId(), Upload.of(attachment));
        return Map.of("blob_id", id, "blob_key", "kept-" + id);
    }
}
