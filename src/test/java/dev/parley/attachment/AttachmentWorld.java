package dev.parley.attachment;

import dev.parley.support.Fixtures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;

/** What attachment tests share: an account with a conversation, a PNG made on the spot, and a plain GET of bytes. */
record AttachmentWorld(Fixtures.Team team, Fixtures.Customer customer, long displayId, int port) {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static AttachmentWorld create(Fixtures fixtures, int port) {
        var team = fixtures.account();
        var inbox = fixtures.inbox(team, team.agentUser());
        var customer = fixtures.customer(inbox, "Carla Customer");
        long displayId = fixtures.conversation(customer, "Hello, a question");
        return new AttachmentWorld(team, customer, displayId, port);
    }

    String messagesUrl() {
        return "http://localhost:" + port + "/api/v1/accounts/" + team.accountId() + "/conversations/" + displayId + "/messages";
    }

    String publicMessagesUrl() {
        return "http://localhost:" + port + customer.conversationsPath() + "/" + displayId + "/messages";
    }

    static byte[] png(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static HttpResponse<byte[]> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
