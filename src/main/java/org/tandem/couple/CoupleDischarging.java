package org.tandem.couple;

import java.util.UUID;

/**
 * Fired synchronously when a couple is about to be discharged, in the discharge's transaction and before the
 * couple's row changes, so observers can end what the discharge ends (their future sessions) and lock rows in
 * the same order as the bookings they race. An observer's exception rolls the whole discharge back.
 */
public record CoupleDischarging(UUID coupleId) {
}
