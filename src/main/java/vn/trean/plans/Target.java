package vn.trean.plans;

import java.math.BigDecimal;
import java.time.Instant;

import vn.trean.geography.UnitId;

/** The value an indicator should reach in one unit (the city or a commune) by a year. */
record Target(long indicatorId, int year, UnitId unit, BigDecimal value, String enteredBy, Instant enteredAt) {
}
