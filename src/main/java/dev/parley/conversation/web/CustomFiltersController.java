package dev.parley.conversation.web;

import dev.parley.account.Membership;
import dev.parley.conversation.CustomFilterView;
import dev.parley.conversation.CustomFilters;
import dev.parley.shared.Timestamps;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chatwoot's custom filters ("folders"): the caller's own saved filters; body flat or wrapped in {@code custom_filter}. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/custom_filters")
class CustomFiltersController {

    private final CustomFilters filters;

    CustomFiltersController(CustomFilters filters) {
        this.filters = filters;
    }

    record FilterRequest(String name, String type, String filterType, Map<String, Object> query, FilterRequest customFilter) {
        FilterRequest fields() {
            return customFilter != null ? customFilter : this;
        }

        String kind() {
            return type != null ? type : filterType;
        }
    }

    @GetMapping
    List<CustomFilterJson> index(Membership me, @RequestParam(name = "filter_type", required = false) String type) {
        return filters.all(me, type).stream().map(CustomFiltersController::json).toList();
    }

    @GetMapping("/{id}")
    CustomFilterJson show(Membership me, @PathVariable long id) {
        return json(filters.get(me, id));
    }

    @PostMapping
    CustomFilterJson create(Membership me, @RequestBody FilterRequest body) {
        FilterRequest f = body.fields();
        return json(filters.create(me, f.name(), f.kind(), f.query()));
    }

    @PatchMapping("/{id}")
    CustomFilterJson update(Membership me, @PathVariable long id, @RequestBody FilterRequest body) {
        FilterRequest f = body.fields();
        return json(filters.update(me, id, f.name(), f.query()));
    }

    @PutMapping("/{id}")
    CustomFilterJson replace(Membership me, @PathVariable long id, @RequestBody FilterRequest body) {
        return update(me, id, body);
    }

    @DeleteMapping("/{id}")
    Map<String, Object> delete(Membership me, @PathVariable long id) {
        filters.delete(me, id);
        return Map.of();
    }

    /** Chatwoot's custom filter partial; the timestamps are the datetime attributes, as Rails renders them. */
    record CustomFilterJson(long id, String name, String filterType, Map<String, Object> query, String createdAt, String updatedAt) {
    }

    static CustomFilterJson json(CustomFilterView f) {
        return new CustomFilterJson(f.id(), f.name(), f.filterType(), f.query(), Timestamps.iso(f.createdAt()), Timestamps.iso(f.updatedAt()));
    }
}
