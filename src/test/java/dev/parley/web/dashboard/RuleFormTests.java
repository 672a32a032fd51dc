package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule builder's form model: what the admin entered becomes Chatwoot's JSON and comes back unchanged. */
class RuleFormTests {

    @Test
    void aCustomAttributeConditionIsStoredInChatwootsShapeAndReadBackAsEntered() {
        var request = new HashMap<String, String>();
        request.put("name", "Big orders");
        request.put("event_name", "conversation_updated");
        request.put("condition_attribute_0", "conversation_attribute:order_total");
        request.put("condition_operator_0", "is_greater_than");
        request.put("condition_value_0", "500");
        request.put("condition_join_0", "or");
        request.put("condition_attribute_1", "contact_attribute:plan");
        request.put("condition_operator_1", "equal_to");
        request.put("condition_value_1", "gold");
        request.put("action_name_0", "add_label");
        request.put("action_value_0", "vip");
        RuleForm form = RuleForm.fromRequest(request);

        List<Map<String, Object>> json = form.conditionsJson();
        assertThat(json.get(0)).containsEntry("attribute_key", "order_total").containsEntry("custom_attribute_type", "conversation_attribute")
                .containsEntry("query_operator", "or");
        assertThat(json.get(1)).containsEntry("attribute_key", "plan").containsEntry("custom_attribute_type", "contact_attribute");
        assertThat(form.summary()).contains("order total (conversation attribute) is greater than 500");

        RuleForm reopened = RuleForm.fromRule("Big orders", "", "conversation_updated", true, false, json, form.actionsJson(), null);
        assertThat(reopened.getConditions().get(0)).isEqualTo(form.getConditions().get(0));
        assertThat(reopened.getConditions().get(1).attribute()).isEqualTo("contact_attribute:plan");
        assertThat(reopened.getConditions().get(1).value()).isEqualTo("gold");
    }

    @Test
    void standardAttributesKeepAnEmptyCustomType() {
        var request = new HashMap<String, String>();
        request.put("condition_attribute_0", "status");
        request.put("condition_operator_0", "equal_to");
        request.put("condition_value_0", "resolved");
        assertThat(RuleForm.fromRequest(request).conditionsJson().get(0)).containsEntry("attribute_key", "status")
                .containsEntry("custom_attribute_type", "");
    }
}
