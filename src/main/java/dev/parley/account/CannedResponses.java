package dev.parley.account;

import dev.parley.account.persistence.CannedResponseRepository;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An account's canned responses: a short code (one word) and the text it stands for. */
@Service
@Transactional
public class CannedResponses {

    private static final Pattern SHORT_CODE = Pattern.compile("^[\\p{L}\\p{N}_.-]+$");
    private static final int MAX_CONTENT = 10_000;
    private final CannedResponseRepository responses;

    public CannedResponses(CannedResponseRepository responses) {
        this.responses = responses;
    }

    public CannedResponseView create(long accountId, String shortCode, String content) {
        var errors = new Errors().requireText("short_code", shortCode).requireText("content", content);
        check(errors, shortCode, content);
        String code = shortCode.trim();
        if (responses.shortCodeTaken(accountId, code, null)) throw InvalidInput.of("short_code", "has already been taken");
        return responses.insert(accountId, code, content);
    }

    public CannedResponseView update(long accountId, long id, String shortCode, String content) {
        get(accountId, id);
        var errors = new Errors();
        if (shortCode != null && shortCode.isBlank()) errors.add("short_code", "can't be blank");
        if (content != null && content.isBlank()) errors.add("content", "can't be blank");
        check(errors, shortCode, content);
        String code = shortCode == null ? null : shortCode.trim();
        if (code != null && responses.shortCodeTaken(accountId, code, id)) throw InvalidInput.of("short_code", "has already been taken");
        responses.update(id, code, content);
        return get(accountId, id);
    }

    public void delete(long accountId, long id) {
        get(accountId, id);
        responses.delete(id);
    }

    @Transactional(readOnly = true)
    public CannedResponseView get(long accountId, long id) {
        return responses.find(accountId, id).orElseThrow(() -> new ResourceNotFound("Canned response"));
    }

    /** Matching responses, best first (short code prefix, then content); all of them when the text is empty. */
    @Transactional(readOnly = true)
    public List<CannedResponseView> search(long accountId, String text) {
        return responses.search(accountId, text, 100);
    }

    private static void check(Errors errors, String shortCode, String content) {
        if (shortCode != null && !shortCode.isBlank() && !SHORT_CODE.matcher(shortCode.trim()).matches()) {
            errors.add("short_code", "should be one word (letters, digits, '.', '-' or '_')");
        }
        errors.maxLength("short_code", shortCode, 255).maxLength("content", content, MAX_CONTENT); // a longer code would not fit the unique index
        errors.throwIfAny();
    }
}
