package dev.parley.web.dashboard;

import dev.parley.inbox.InboxView;
import dev.parley.shared.InvalidInput;
import java.util.List;
import org.springframework.stereotype.Component;

/** The channels the dashboard can create, in the order offered; templates reach it as {@code @channelForms}. */
@Component("channelForms")
public class ChannelForms {

    private final List<ChannelForm> forms;

    ChannelForms(List<ChannelForm> forms) {
        this.forms = forms;
    }

    List<ChannelForm> all() {
        return forms;
    }

    ChannelForm byType(String type) {
        return forms.stream().filter(f -> f.type().equals(type)).findFirst()
                .orElseThrow(() -> InvalidInput.of("channel_type", "must be one of " + forms.stream().map(ChannelForm::type).toList()));
    }

    /** The form that edits this inbox's channel fields, or null for a channel the dashboard cannot edit yet. */
    public ChannelForm of(InboxView inbox) {
        return forms.stream().filter(f -> f.handles(inbox)).findFirst().orElse(null);
    }
}
