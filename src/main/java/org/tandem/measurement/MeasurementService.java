package org.tandem.measurement;

import org.tandem.crypto.SealedColumn;
import org.tandem.crypto.EntryReasons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.tandem.common.PastDay;
import org.tandem.audit.AuditLog;
import org.tandem.common.ErrorMark;
import org.tandem.common.ErrorMarkApi.EnteredInErrorRequest;
import org.tandem.common.web.PageQuery;
import org.tandem.common.web.PageResponse;
import org.tandem.common.web.Problems;
import org.tandem.couple.Couple;
import org.tandem.couple.CoupleRepository;
import org.tandem.measurement.MeasurementApi.MeasurementRequest;
import org.tandem.measurement.MeasurementApi.MeasurementResponse;
import org.tandem.measurement.MeasurementApi.MetricRequest;
import org.tandem.measurement.MeasurementApi.MetricResponse;
import org.tandem.measurement.RatingReads.Rating;
import org.tandem.partner.MeService;
import org.tandem.partner.ShareChoice;
import org.tandem.security.AccessPolicy;
import org.tandem.security.PartnerView;
import org.tandem.security.Caller;
import org.tandem.webhook.Outbox;
import org.tandem.webhook.WebhookEvent;

/** Rating metrics and their values. Every read and write is audited. */
@ApplicationScoped
@Transactional
@RequiredArgsConstructor
public class MeasurementService implements RatingReads {

    static final String RECORD = "measurement";
    private static final SealedColumn REASON = SealedColumn.MEASUREMENT_ERROR_REASON;
    private static final String KEY_PATTERN = "[a-z][a-z0-9-]{1,63}";

    private final MeasurementRepository measurements;
    private final MetricRepository metrics;
    private final CoupleRepository couples;
    private final Caller caller;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Outbox outbox;
    private final ObservationSharing sharing;
    private final EntryReasons reasons;

    public MeasurementResponse record(UUID coupleId, MeasurementRequest request) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        if (access.recordsSelfReportsOnly() && request.source() != Source.SELF_REPORT) {
            throw Problems.forbidden("self-report-only", "An integration records SELF_REPORT values only.");
        }
        Metric metric = metrics.find(couple.getClinic().getId(), request.metric())
                .orElseThrow(() -> Problems.unprocessable("metric", "body", "is not a metric of your clinic"));
        if (request.partnerId() != null && couple.findPartner(request.partnerId()).isEmpty()) {
            throw Problems.unprocessable("partnerId", "body", "is not a partner of this couple");
        }
        if (!metric.accepts(request.value())) {
            throw Problems.unprocessable("value", "body",
                    "must be from " + metric.min().toPlainString() + " to " + metric.max().toPlainString());
        }
        PastDay.requireNotAfter(request.date(), LocalDate.now(couple.getClinic().getTimeZone()), "date");
        Measurement m = new Measurement(couple.getClinic().getId(), coupleId, request.partnerId(), metric.key(),
                request.date(), request.value().setScale(2), request.source(),
                request.isPrivate() == null || request.isPrivate(), caller.subject());
        measurements.persist(m);
        measurements.flush();
        audit.success("measurement.record", RECORD, m.getId());
        outbox.publish(couple.getClinic().getId(), WebhookEvent.MEASUREMENT_RECORDED, event(m));
        return toResponse(m);
    }

    /**
     * Marks a value as recorded by mistake: kept as it was, counted nowhere from now on. A therapist of the couple
     * may mark any of its values; an integration only the ones it recorded itself (any other is 404 to it, so
     * that it learns nothing of values it may not see).
     */
    public MeasurementResponse markEnteredInError(UUID coupleId, UUID id, EnteredInErrorRequest request) {
        Couple couple = couples.requireVisible(access.reach(), coupleId);
        Measurement m = measurements.lockOfCouple(coupleId, id)
                .filter(found -> access.mayMarkEntryOf(found.getRecordedBy()))
                .orElseThrow(() -> Problems.notFound(RECORD));
        m.markEnteredInError(caller.subject(), request.reason(), "value",
                reasons.sealer(REASON, couple.getClinic().getId(), m.getId()));
        measurements.flush();
        audit.success("measurement.entered-in-error", RECORD, m.getId());
        outbox.publish(couple.getClinic().getId(), WebhookEvent.MEASUREMENT_ENTERED_IN_ERROR, event(m));
        return toResponse(m);
    }

    /** A webhook's data: ids and the metric, never the value or the reason. */
    private static java.util.Map<String, Object> event(Measurement m) {
        java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("kind", "RATING");
        data.put("measurementId", m.getId());
        data.put("coupleId", m.getCoupleId());
        data.put("partnerId", m.getPartnerId());
        data.put("metric", m.getMetricKey());
        return data;
    }

    /** The couple's values that the caller sees ({@link AccessPolicy#partnerView()}), oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<MeasurementResponse> list(UUID coupleId, MeasurementRepository.Filter filter,
            PageQuery page) {
        couples.requireVisible(access.reach(), coupleId);
        PartnerView view = access.partnerView();
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw Problems.invalid("to", "query", "must not be before from");
        }
        var query = measurements.search(coupleId, filter, view, page);
        PageResponse<MeasurementResponse> result = PageResponse.of(query.list(), this::toResponse, page,
                query.count());
        audit.success("measurement.list", "couple", coupleId);
        return result;
    }

    /** The calling partner shares a value about themselves with the other partner, or takes it back. */
    public MeService.SharingResponse share(UUID id, boolean shared) {
        return sharing.share(ShareChoice.Kind.RATING, RECORD, id, shared, measurements::lockOfCouple);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MetricResponse> metrics() {
        List<MetricResponse> list = metrics.all(caller.clinicId()).stream().map(MetricResponse::of).toList();
        audit.success("metric.list", "metric", null);
        return list;
    }

    public MetricResponse defineMetric(MetricRequest request) {
        String key = request.key().trim();
        if (!key.matches(KEY_PATTERN)) {
            throw Problems.invalid("key", "body", "must be lower-case letters, digits and dashes, starting with a letter");
        }
        if (request.max().compareTo(request.min()) <= 0) {
            throw Problems.invalid("max", "body", "must be greater than min");
        }
        UUID clinicId = caller.clinicId();
        if (metrics.find(clinicId, key).isPresent()) {
            throw Problems.conflict("duplicate", "Duplicate", "Your clinic already has a metric with this key.");
        }
        BigDecimal min = request.min();
        BigDecimal max = request.max();
        Metric metric = new Metric(key, request.name().trim(), min, max, request.direction(),
                request.reliability() == null ? Metric.DEFAULT_RELIABILITY : request.reliability(),
                request.normSd() == null ? Metric.defaultSd(min, max) : request.normSd(), false);
        RatingMetric row = new RatingMetric(clinicId, metric);
        metrics.persist(row);
        metrics.flush();
        audit.success("metric.define", "metric", key);
        return MetricResponse.of(row.toMetric());
    }

    private MeasurementResponse toResponse(Measurement m) {
        return new MeasurementResponse(m.getId(), m.getCoupleId(), m.getPartnerId(), m.getMetricKey(),
                m.getMeasuredOn(), m.getValue(), m.getSource(), m.isPrivateToPartner(), m.getCreatedAt(),
                ErrorMark.view(m.getEnteredInError(), access.seesClinicalText(), reasons.opener(REASON, m.getId())));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public List<Metric> metrics(UUID clinicId) {
        return this.metrics.all(clinicId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public Map<String, Metric> metricsIncluding(UUID clinicId, Collection<String> keys) {
        return this.metrics.including(clinicId, keys);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @Override
    public List<Rating> ratings(UUID coupleId, LocalDate from, LocalDate to) {
        return measurements.ratingsInPeriod(coupleId, from, to);
    }
}
