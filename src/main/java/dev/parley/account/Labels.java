package dev.parley.account;

import dev.parley.account.persistence.LabelRepository;
import dev.parley.shared.Errors;
import dev.parley.shared.InvalidInput;
import dev.parley.shared.ResourceNotFound;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Labels defined for an account: titles are lower-case words (letters, digits, '-' and '_'). */
@Service
@Transactional
public class Labels {

    private static final Pattern TITLE = Pattern.compile("^[\\p{L}\\p{N}_-]+$");
    private static final Pattern COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    private final LabelRepository labels;

    public Labels(LabelRepository labels) {
        this.labels = labels;
    }

    public LabelView create(long accountId, String title, String description, String color, Boolean showOnSidebar) {
        var errors = new Errors().requireText("title", title);
        check(errors, title, color);
        String normalized = title.trim().toLowerCase();
        if (labels.titleTaken(accountId, normalized, null)) throw InvalidInput.of("title", "has already been taken");
        return labels.insert(accountId, normalized, description, color == null ? "#1f93ff" : color,
                showOnSidebar == null || showOnSidebar);
    }

    public LabelView update(long accountId, long id, String title, String description, String color, Boolean showOnSidebar) {
        get(accountId, id);
        if (title != null && title.isBlank()) throw InvalidInput.of("title", "can't be blank");
        check(new Errors(), title, color);
        String normalized = title == null ? null : title.trim().toLowerCase();
        if (normalized != null && labels.titleTaken(accountId, normalized, id)) throw InvalidInput.of("title", "has already been taken");
        labels.update(id, normalized, description, color, showOnSidebar);
        return get(accountId, id);
    }

    public void delete(long accountId, long id) {
        get(accountId, id);
        labels.delete(id);
    }

    @Transactional(readOnly = true)
    public LabelView get(long accountId, long id) {
        return labels.find(accountId, id).orElseThrow(() -> new ResourceNotFound("Label"));
    }

    @Transactional(readOnly = true)
    public List<LabelView> all(long accountId) {
        return labels.all(accountId);
    }

    /** True when the text is a well-formed label title (used for conversation labels too). */
    public static boolean isValidTitle(String title) {
        return title != null && TITLE.matcher(title.trim()).matches();
    }

    private static void check(Errors errors, String title, String color) {
        if (title != null && !title.isBlank() && !isValidTitle(title)) errors.add("title", "should not contain spaces or special characters");
        errors.maxLength("title", title, 255).maxLength("color", color, 32);
        if (color != null && !COLOR.matcher(color).matches()) errors.add("color", "must be a hex colour like #1f93ff");
        errors.throwIfAny();
    }
}
