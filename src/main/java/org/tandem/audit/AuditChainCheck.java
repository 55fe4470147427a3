package org.tandem.audit;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.tandem.common.persistence.BinaryUuids;

/**
 * The operators' check of every clinic's audit chain, straight against the database, without the app running:
 * <pre>
 * TANDEM_DB_PASSWORD=... java -cp "/deployments/lib/main/*:/deployments/app/*" org.tandem.audit.AuditChainCheck \
 *     jdbc:mysql://db:3306/tandem tandem_audit
 * </pre>
 * One line per chain; exit status 1 if any chain is broken, 2 on a usage or database error. A read-only user
 * suffices (SELECT on audit_event, audit_seal, audit_chain).
 */
public final class AuditChainCheck {

    private AuditChainCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: AuditChainCheck <jdbc-url> <user>   (password in TANDEM_DB_PASSWORD)");
            System.exit(2);
        }
        String password = System.getenv().getOrDefault("TANDEM_DB_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(args[0], args[1], password)) {
            System.exit(check(c, System.out) ? 0 : 1);
        } catch (SQLException e) {
            System.err.println("database error: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Checks every chain, printing a line for each; whether all are intact. */
    public static boolean check(Connection c, PrintStream out) throws SQLException {
        List<UUID> chains = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select chain_id from audit_chain order by chain_id");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                chains.add(BinaryUuids.of(r.getBytes(1)));
            }
        }
        boolean intact = true;
        for (UUID chain : chains) {
            AuditChain.Report report = AuditChain.verify(c, chain);
            String name = chain.equals(AuditChain.NO_CLINIC) ? "no clinic" : "clinic " + chain;
            if (report.intact()) {
                out.printf("%s: intact, %d events sealed through %s%n", name, report.sealed(), report.sealedThrough());
            } else {
                intact = false;
                AuditChain.Break b = report.firstBreak();
                out.printf("%s: BROKEN at seal %d (event %s): %s; %d events before it are intact%n", name, b.seq(),
                        b.eventId() == null ? "-" : b.eventId(), b.problem(), report.sealed());
            }
        }
        return intact;
    }
}
