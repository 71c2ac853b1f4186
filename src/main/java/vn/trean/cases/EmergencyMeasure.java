package vn.trean.cases;

/** What the chair's emergency decision orders (ND 56 step 6). */
public enum EmergencyMeasure {

	TEMPORARY_SEPARATION, SAFE_SHELTER, ALTERNATIVE_CARER, MEDICAL_CARE, POLICE_PROTECTION, NO_MEASURE_NEEDED

}
