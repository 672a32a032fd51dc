package dev.parley.widget.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The secret that signs visitor tokens, in the database so every node signs and checks alike. */
@Repository
public class WidgetSecrets {

    private final JdbcClient jdbc;

    WidgetSecrets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String secret() {
        return jdbc.sql("SELECT secret FROM widget_secrets WHERE id = 1").query(String.class).single();
    }
}
