package org.tandem.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.common.web.Problems;
import org.tandem.scheduling.SchedulingApi.FreeSlot;
import org.tandem.scheduling.SchedulingApi.WorkingHoursBlock;
import org.tandem.scheduling.SchedulingApi.WorkingHoursRequest;
import org.tandem.security.AccessScope;
import org.tandem.security.AccessPolicy;
import org.tandem.security.Caller;
import org.tandem.therapist.Therapist;
import org.tandem.therapist.TherapistRepository;

/**
 * Working hours (per therapist, per weekday, in the clinic's local time) and the free time left in them. Free/busy
 * shows no clinical data, so any member of the clinic may see a colleague's; only the therapist or an admin sets
 * the hours.
 */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class AvailabilityService {

    static final int MAX_DAYS = 31;

    private final WorkingHoursRepository hours;
    private final SessionRepository sessions;
    private final TherapistRepository therapists;
    private final Caller caller;
    private final AccessPolicy access;

    public List<WorkingHoursBlock> workingHours(UUID therapistId) {
        Therapist therapist = inClinic(therapistId);
        return hours.forTherapist(therapist.getId()).stream().map(AvailabilityService::toBlock).toList();
    }

    public List<WorkingHoursBlock> setWorkingHours(UUID therapistId, WorkingHoursRequest request) {
        AccessScope scope = access.reach();
        Therapist therapist = inClinic(therapistId);
        if (!scope.isWholeClinic() && !therapist.getId().equals(scope.therapistId())) {
            throw Problems.forbidden("forbidden", "Therapists set their own working hours; an admin sets anyone's.");
        }
        List<WorkingHours> blocks = new ArrayList<>();
        for (int i = 0; i < request.blocks().size(); i++) {
            WorkingHoursBlock b = request.blocks().get(i);
            LocalTime start = LocalTime.parse(b.start());
            LocalTime end = "24:00".equals(b.end()) ? LocalTime.MAX.truncatedTo(ChronoUnit.MINUTES) : LocalTime.parse(b.end());
            if (!end.isAfter(start)) {
                throw Problems.invalid("blocks[" + i + "].end", "body", "must be after start");
            }
            for (WorkingHours other : blocks) {
                if (other.getDayOfWeek() == b.day() && start.isBefore(other.getEndsAt()) && other.getStartsAt().isBefore(end)) {
                    throw Problems.invalid("blocks[" + i + "]", "body", "overlaps another block on the same day");
                }
            }
            blocks.add(new WorkingHours(therapist, b.day(), start, end));
        }
        hours.deleteForTherapist(therapist.getId());
        hours.flush();
        blocks.forEach(hours::persist);
        return workingHours(therapistId);
    }

    /**
     * The free windows of at least {@code minutes} inside the therapist's working hours between two local dates
     * (inclusive), minus their sessions. Each day's hours are placed in the clinic's zone on that date, so a DST
     * change moves nothing a person would not expect.
     */
    public List<FreeSlot> freeSlots(UUID therapistId, LocalDate from, LocalDate to, int minutes) {
        Therapist therapist = inClinic(therapistId);
        if (to.isBefore(from)) {
            throw Problems.invalid("to", "query", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw Problems.invalid("to", "query", "must be at most " + MAX_DAYS + " days after from");
        }
        ZoneId zone = therapist.getClinic().getTimeZone();
        List<WorkingHours> week = hours.forTherapist(therapist.getId());
        Instant rangeStart = from.atStartOfDay(zone).toInstant();
        Instant rangeEnd = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<SessionSlot> busy = sessions.busy(therapist.getId(), rangeStart, rangeEnd).stream()
                .map(TherapySession::slot).sorted(Comparator.comparing(SessionSlot::start)).toList();
        Duration needed = Duration.ofMinutes(minutes);
        List<FreeSlot> free = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (WorkingHours block : week) {
                if (block.getDayOfWeek() != day.getDayOfWeek()) {
                    continue;
                }
                Instant cursor = day.atTime(block.getStartsAt()).atZone(zone).toInstant();
                Instant blockEnd = day.atTime(block.getEndsAt()).atZone(zone).toInstant();
                for (SessionSlot b : busy) {
                    if (!b.end().isAfter(cursor) || !b.start().isBefore(blockEnd)) {
                        continue;
                    }
                    addIfLongEnough(free, cursor, b.start(), needed, zone);
                    if (b.end().isAfter(cursor)) {
                        cursor = b.end();
                    }
                }
                addIfLongEnough(free, cursor, blockEnd, needed, zone);
            }
        }
        return free;
    }

    private static void addIfLongEnough(List<FreeSlot> free, Instant start, Instant end, Duration needed, ZoneId zone) {
        if (Duration.between(start, end).compareTo(needed) >= 0) {
            free.add(new FreeSlot(start, end, start.atZone(zone).toOffsetDateTime(), end.atZone(zone).toOffsetDateTime()));
        }
    }

    private Therapist inClinic(UUID therapistId) {
        return therapists.findInClinic(caller.clinicId(), therapistId)
                .orElseThrow(() -> Problems.notFound("therapist"));
    }

    private static WorkingHoursBlock toBlock(WorkingHours h) {
        return new WorkingHoursBlock(h.getDayOfWeek(), h.getStartsAt().toString(),
                h.getEndsAt().equals(LocalTime.MAX.truncatedTo(ChronoUnit.MINUTES)) ? "24:00" : h.getEndsAt().toString());
    }
}
