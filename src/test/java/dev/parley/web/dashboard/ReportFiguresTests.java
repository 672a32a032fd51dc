package dev.parley.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportFiguresTests {

    @Test
    void timesCarryTheirUnit() {
        assertThat(ReportFigures.duration(34.4)).isEqualTo("34 s");
        assertThat(ReportFigures.duration(125)).isEqualTo("2 min");
        assertThat(ReportFigures.duration(3900)).isEqualTo("1 h 5 min");
        assertThat(ReportFigures.duration(7200)).isEqualTo("2 h");
        assertThat(ReportFigures.duration(90_000)).isEqualTo("1 d 1 h");
    }

    @Test
    void aTimeWithNothingToAverageIsADashAndCountsStayNumbers() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("conversations_count", 3);
        figures.put("outgoing_messages_count", 2);
        figures.put("resolutions_count", 0);
        figures.put("avg_first_response_time", 34.0);
        figures.put("avg_resolution_time", 0);
        figures.put("reply_time", null);
        figures.put("previous", Map.of());
        assertThat(ReportFigures.shown(figures)).containsExactly(Map.entry("conversations_count", "3"), Map.entry("outgoing_messages_count", "2"),
                Map.entry("resolutions_count", "0"), Map.entry("avg_first_response_time", "34 s"), Map.entry("avg_resolution_time", "—"),
                Map.entry("reply_time", "—"));
    }
}
