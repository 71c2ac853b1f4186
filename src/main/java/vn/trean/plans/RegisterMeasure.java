package vn.trean.plans;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

import vn.trean.registers.RegisterCounts;
import vn.trean.registers.RegisterCounts.Count;

/**
 * Which register counts a REGISTER indicator of Plan 55/KH-UBND is computed from: the one
 * place that says so. An indicator is matched by its code and, as a check that it is the
 * plan's indicator of that code, by what it divides by; an indicator no entry matches has
 * no value and stays to be completed by the plan administrator. Nothing is guessed.
 *
 * <ul>
 * <li>2.1 officers, collaborators, volunteers and social workers trained "according to
 * the workforce list and its training history": those active in the year with a training
 * of any kind held that year or before, over those active (police investigators are
 * counted by 5.1).</li>
 * <li>3.1 education bodies that held communication on preventing school violence and
 * sexual abuse: schools on the register checked in the year with a prevention session,
 * over schools on the register. Education management agencies are not on the register, so
 * both sides count schools only.</li>
 * <li>3.2 learners who suffered school violence or sexual abuse supported in time,
 * counted from the cases and their referrals (contributed by the referrals module), per
 * commune of the case and period: the denominator is the distinct cases opened in the
 * period whose harm was confirmed (past verification, never closed as not substantiated)
 * and that are school-related (a linked report's setting is the school, or a referral of
 * the case was sent to a school or an education department); the numerator is those of
 * them with a completed referral to a school or an education department that met both its
 * answer and its completion clocks (each met on or before its due time). A case counts in
 * the period of its opening day, so the numerator is part of the denominator; a later
 * completion raises that period's figure. A case is counted once whatever the number of
 * its children.</li>
 * <li>4.1 health facilities with strengthened capacity: those whose latest check up to
 * the end of the year found the intake procedure, trained staff and counselling, over the
 * health facilities on the register.</li>
 * <li>5.1 police investigators trained in child-friendly investigation, over the police
 * investigators active in the year.</li>
 * <li>5.2 child-friendly investigation rooms established, a count: the child-friendly
 * interview rooms established by the end of the year.</li>
 * </ul>
 */
enum RegisterMeasure {

	WORKFORCE_TRAINED("2.1", DenominatorKind.WORKFORCE, Count.WORKFORCE_TRAINED, Count.WORKFORCE),

	SCHOOLS_WITH_PREVENTION_SESSION("3.1", DenominatorKind.SCHOOLS, Count.SCHOOLS_WITH_PREVENTION_SESSION,
			Count.SCHOOLS),

	SCHOOL_CASES_SUPPORTED("3.2", null, Count.SCHOOL_CASES_SUPPORTED_IN_TIME, Count.SCHOOL_CASES),

	HEALTH_FACILITIES_STRENGTHENED("4.1", DenominatorKind.HEALTH_FACILITIES, Count.HEALTH_FACILITIES_STRENGTHENED,
			Count.HEALTH_FACILITIES),

	INVESTIGATORS_TRAINED("5.1", DenominatorKind.INVESTIGATORS, Count.INVESTIGATORS_TRAINED, Count.INVESTIGATORS),

	CHILD_FRIENDLY_INTERVIEW_ROOMS("5.2", null, Count.CHILD_FRIENDLY_INTERVIEW_ROOMS, null);

	private final String code;

	private final DenominatorKind denominatorKind;

	private final Count numerator;

	private final Count denominator;

	RegisterMeasure(String code, DenominatorKind denominatorKind, Count numerator, Count denominator) {
		this.code = code;
		this.denominatorKind = denominatorKind;
		this.numerator = numerator;
		this.denominator = denominator;
	}

	/** What the indicator's numerator counts. */
	Count numerator() {
		return numerator;
	}

	/** What a coverage indicator's denominator counts; {@code null} for a count. */
	Count denominator() {
		return denominator;
	}

	/** The indicator's value from the register counts of a unit and period. */
	Progress.Cell cell(Indicator indicator, RegisterCounts.Figures counts, BigDecimal target) {
		return Progress.counted(indicator, counts.get(numerator), denominator == null ? 0 : counts.get(denominator),
				target);
	}

	/** The measure of a REGISTER indicator, if the mapping knows it. */
	static Optional<RegisterMeasure> of(Indicator indicator) {
		if (indicator.source() != Indicator.Source.REGISTER) {
			return Optional.empty();
		}
		return Arrays.stream(values())
			.filter(m -> m.code.equals(indicator.code()) && m.denominatorKind == indicator.denominatorKind()
					&& indicator.coverage() == (m.denominator != null))
			.findFirst();
	}

}
