package org.tandem.notification;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends one text message through the clinic's SMTP server and returns once the server accepted it. */
@ApplicationScoped
public class SmtpMail {

    private final Vertx vertx;
    private final MailConfig config;
    private volatile MailClient client;

    SmtpMail(Vertx vertx, MailConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    /**
     * @throws IllegalStateException when no server is configured, it refused the message or did not accept it in
     *         time (the message says which, never the address)
     */
    public void send(String to, String subject, String text, Map<String, String> headers) {
        MailMessage message = new MailMessage().setFrom(config.from()).setTo(to).setSubject(subject).setText(text);
        MultiMap extra = MultiMap.caseInsensitiveMultiMap();
        headers.forEach(extra::add);
        message.setHeaders(extra);
        try {
            client().sendMail(message).toCompletionStage().toCompletableFuture()
                    .get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            reset();
            throw new IllegalStateException("refused: " + e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            reset();
            throw new IllegalStateException("not accepted in time");
        }
    }

    /**
     * After a failure the pooled connections may be to a server that went away (a restart): the next message gets
     * a new client, so it never waits on a connection the server dropped.
     */
    private synchronized void reset() {
        MailClient failed = client;
        client = null;
        if (failed != null) {
            failed.close();
        }
    }

    private MailClient client() {
        MailClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    io.vertx.ext.mail.MailConfig options = new io.vertx.ext.mail.MailConfig()
                            .setHostname(config.host().orElseThrow(() -> new IllegalStateException("no mail server")))
                            .setPort(config.port()).setStarttls(config.startTls()).setSsl(config.tls())
                            .setLogin(config.username().isPresent() ? LoginOption.REQUIRED : LoginOption.DISABLED);
                    config.username().ifPresent(options::setUsername);
                    config.password().ifPresent(options::setPassword);
                    client = MailClient.create(vertx, options);
                }
                current = client;
            }
        }
        return current;
    }
}
