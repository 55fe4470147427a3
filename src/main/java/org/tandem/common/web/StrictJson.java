package org.tandem.common.web;

import org.tandem.common.PlausibleTime;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Reads JSON strictly: a number is not a date (Jackson would take 42 as an epoch day), a string is not a number, a
 * number or boolean is not a string (Jackson would store 7 as "7"), and a date must exist on the calendar. Clinical
 * records should hold what the client meant, or be refused. Dates and times must also be plausible
 * ({@link PlausibleTime}).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last: the range-checked date readers must replace the JSR-310 ones other customizers register. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    @SuppressWarnings("deprecation") // the builder form needs a new mapper; Quarkus hands us its own to customize
    public void customize(ObjectMapper mapper) {
        mapper.setDefaultLeniency(false);
        mapper.registerModule(PlausibleTime.module());
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
