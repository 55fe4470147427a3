package org.tandem.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The clinic's SMTP server ({@code tandem.mail.*}; the chart's {@code mail.*} values set it). */
@ConfigMapping(prefix = "tandem.mail")
public interface MailConfig {

    /** The server; unset: nothing can be sent, and messages are retried, then given up. */
    Optional<String> host();

    @WithDefault("587")
    int port();

    /** STARTTLS: REQUIRED, OPTIONAL or DISABLED. */
    @WithDefault("REQUIRED")
    io.vertx.ext.mail.StartTLSOptions startTls();

    /** TLS from the first byte (port 465). */
    @WithDefault("false")
    boolean tls();

    /** The account; unset: no authentication. */
    Optional<String> username();

    Optional<String> password();

    @WithDefault("Tandem <no-reply@tandem.invalid>")
    String from();

    /** How long one message may take to be accepted. */
    @WithDefault("30s")
    Duration timeout();
}
