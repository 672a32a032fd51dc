package dev.parley.automation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.automation.domain.LiquidSandbox.TemplateRefused;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LiquidSandboxTests {

    private final LiquidSandbox sandbox = new LiquidSandbox();
    private final Map<String, Object> vars = Map.of("contact", Map.of("name", "Tess"), "conversation", Map.of("display_id", 7));

    @Test
    void rendersVariablesAndFilters() {
        assertThat(sandbox.render("Hi {{ contact.name | upcase }}, about #{{conversation.display_id}}", vars))
                .isEqualTo("Hi TESS, about #7");
        assertThat(sandbox.render("{% if contact.name == 'Tess' %}yes{% endif %}", vars)).isEqualTo("yes");
        assertThat(sandbox.render("plain text", vars)).isEqualTo("plain text");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{% include '/proc/self/environ' %}",
            "{% include \"/etc/passwd\" %}",
            "{% include '../../../../etc/hostname' %}",
            "{% include 'snippet' %}",
            "{% include_relative '/proc/self/environ' %}",
            "before {% if true %}{% include '/proc/self/environ' %}{% endif %} after"})
    void neverReadsAFile(String template) {
        assertThatThrownBy(() -> sandbox.render(template, vars)).isInstanceOf(TemplateRefused.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("PATH=").doesNotContain("root:"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{% for i in (1..100000000) %}x{% endfor %}",
            "{% for a in (1..100000) %}{% for b in (1..100000) %}{% endfor %}{% endfor %}",
            "{% for i in (1..9000) %}0123456789{% endfor %}",
            "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s.size }}",
            "{% assign s = 'xxxxxxxxxx' %}{% for i in (1..40) %}{% capture s %}{{s}}{{s}}{% endcapture %}{% endfor %}{{ s.size }}",
            "{% assign s = 'x' %}{% for i in (1..40) %}{% assign s = s | replace: 'x', 'xxxx' %}{% endfor %}{{ s.size }}"})
    void stopsHugeLoopsAndOutputsWithinASecond(String template) {
        long start = System.nanoTime();
        assertThatThrownBy(() -> sandbox.render(template, vars)).isInstanceOf(TemplateRefused.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
    }

    @Test
    void refusesTooLongAndTooDeepTemplates() {
        assertThatThrownBy(() -> sandbox.render("{{ x }}" + "y".repeat(LiquidSandbox.MAX_TEMPLATE), vars)).isInstanceOf(TemplateRefused.class);
        String deep = "{% if true %}".repeat(3000) + "x" + "{% endif %}".repeat(3000);
        assertThatThrownBy(() -> sandbox.render(deep, vars)).isInstanceOf(TemplateRefused.class);
        assertThatThrownBy(() -> sandbox.render("{% if %}", vars)).isInstanceOf(TemplateRefused.class);
    }
}
