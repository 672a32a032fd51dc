package dev.parley.account.web;

import dev.parley.account.LabelView;
import dev.parley.account.Labels;
import dev.parley.account.Membership;
import dev.parley.shared.AdministratorOnly;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Account labels (Chatwoot shapes: index wrapped in payload, the rest bare). */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/labels")
class LabelsController {

    private final Labels labels;

    LabelsController(Labels labels) {
        this.labels = labels;
    }

    record LabelRequest(String title, String description, String color, Boolean showOnSidebar) {
    }

    @GetMapping
    Map<String, List<LabelView>> index(Membership me) {
        return Map.of("payload", labels.all(me.accountId()));
    }

    @GetMapping("/{id}")
    LabelView show(Membership me, @PathVariable long id) {
        return labels.get(me.accountId(), id);
    }

    @PostMapping
    @AdministratorOnly
    LabelView create(Membership me, @RequestBody LabelRequest body) {
        return labels.create(me.accountId(), body.title(), body.description(), body.color(), body.showOnSidebar());
    }

    @PatchMapping("/{id}")
    @AdministratorOnly
    LabelView update(Membership me, @PathVariable long id, @RequestBody LabelRequest body) {
        return labels.update(me.accountId(), id, body.title(), body.description(), body.color(), body.showOnSidebar());
    }

    @PutMapping("/{id}")
    @AdministratorOnly
    LabelView replace(Membership me, @PathVariable long id, @RequestBody LabelRequest body) {
        return update(me, id, body);
    }

    @DeleteMapping("/{id}")
    @AdministratorOnly
    Map<String, Object> delete(Membership me, @PathVariable long id) {
        labels.delete(me.accountId(), id);
        return Map.of();
    }
}
