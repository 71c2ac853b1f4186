package vn.trean;

import java.time.LocalDate;

import org.springframework.boot.test.context.TestComponent;

import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.geography.UnitId;

/**
 * The administrative units of the reference data that tests work in, by code. Without a
 * date a code names the unit it names today (by the application's clock); codes are
 * reused across periods, so a test about an earlier period passes the date.
 */
@TestComponent
public class TestUnits {

	/** Thành phố Cần Thơ, the province of the test accounts and the demo data. */
	public static final String CAN_THO = "92";

	/** Phường Cái Khế, the commune of Cần Thơ where most tests' cases happen. */
	public static final String CAI_KHE = "31120";

	/**
	 * Phường Ninh Kiều, the other commune of Cần Thơ: the one outside Cái Khế's reach.
	 */
	public static final String NINH_KIEU = "31135";

	private final Geography geography;

	TestUnits(Geography geography) {
		this.geography = geography;
	}

	/** The unit the code names today. */
	public AdministrativeUnit unit(String code) {
		return unit(code, geography.today());
	}

	/** The unit the code named on that date. */
	public AdministrativeUnit unit(String code, LocalDate on) {
		return geography.unitByCode(code, on)
			.orElseThrow(() -> new IllegalStateException("no unit has the code " + code + " on " + on));
	}

	/** The id of the unit the code names today. */
	public UnitId id(String code) {
		return unit(code).id();
	}

	/** The id of the unit the code named on that date. */
	public UnitId id(String code, LocalDate on) {
		return unit(code, on).id();
	}

	/** Thành phố Cần Thơ today. */
	public UnitId canTho() {
		return id(CAN_THO);
	}

	/** Phường Cái Khế today. */
	public UnitId caiKhe() {
		return id(CAI_KHE);
	}

	/** Phường Ninh Kiều today. */
	public UnitId ninhKieu() {
		return id(NINH_KIEU);
	}

}
