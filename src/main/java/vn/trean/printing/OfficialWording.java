package vn.trean.printing;

import java.time.LocalDate;

/**
 * The wording every printed form shares, as the State fixes it: the national heading and
 * motto, the form number, the place-and-date line and the signature captions. Never
 * translated.
 */
public final class OfficialWording {

	public static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

	public static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

	/** The caption under a signature that needs only a name. */
	public static final String SIGN = "(Ký, ghi rõ họ tên)";

	/** The caption under a signature of the chair on behalf of the committee. */
	public static final String SIGN_AND_SEAL = "(Ký, ghi rõ họ tên, đóng dấu)";

	private OfficialWording() {
	}

	/** <i>Mẫu số 02</i>. */
	public static String formNumber(String number) {
		return "Mẫu số " + number;
	}

	/** The issuing committee of a unit: <i>UBND Phường Cái Khế</i>. */
	public static String committee(String unitFullName) {
		return "UBND " + unitFullName;
	}

	/** <i>Cái Khế, ngày 05 tháng 03 năm 2026</i>. */
	public static String placeAndDate(String place, LocalDate date) {
		return String.format("%s, ngày %02d tháng %02d năm %d", place, date.getDayOfMonth(), date.getMonthValue(),
				date.getYear());
	}

}
