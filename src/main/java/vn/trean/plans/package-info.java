/**
 * Action plans as data (docs/domain.md §5): a plan of one province with its objectives,
 * indicators (how each is computed and where its figures come from), targets per year and
 * unit, activities with responsible agencies, and the reference denominators coverage
 * indicators divide by.
 *
 * <p>
 * Decisions:
 * <ul>
 * <li>Plan 55/KH-UBND of Cần Thơ is loaded by {@link vn.trean.plans.PlanSeed}, a Java
 * importer run at start, rather than by a Flyway migration: the plan belongs to a
 * province and its targets to units, referenced by unit id (a code can name another unit
 * in another period, docs/domain.md §6), and those ids exist only once geography has
 * imported its reference files at start, after Flyway. The importer runs once per
 * province and plan number, in one transaction, and never touches a plan that exists, so
 * the plan administrator's edits survive every restart. The plan's words are kept in
 * {@code plans/55-KH-UBND-can-tho.json}, copied from the plan text (NFC).</li>
 * <li>Nothing the plan text does not give is invented: responsible and co-operating
 * agencies, periods, funding, reporting frequency and targets per commune stay empty and
 * are shown as "to be completed by the plan administrator" (the activity's
 * {@code needs_completion} column is computed by the database). City targets are 100 %
 * for 2025 where section I says 100 %; the national 40 % for interview rooms is not in
 * the plan text and is not recorded.</li>
 * <li>Viewing a plan needs {@code VIEW_STATISTICS}. A plan applies in every unit of its
 * province, so a user working inside the province is asked about their own unit; anyone
 * else about the province (and is refused). Changing targets, activities and denominators
 * needs {@code MANAGE_ACTION_PLANS} at the plan's province. Both are decided by
 * {@link vn.trean.identity.Authorization}.</li>
 * <li>Figures are checked by {@link vn.trean.plans.TargetPolicy}; every write is one
 * transaction with its audit entry ({@link vn.trean.plans.PlanChanged}).</li>
 * <li>Periodic reports ({@link vn.trean.plans.PlanReport}, V15) are one row per unit,
 * period and version: a correction after approval is a new version linked to the approved
 * one, which stays read-only (a database trigger refuses changes to an approved report's
 * figures). Reporters need {@code SUBMIT_PLAN_REPORTS} at the report's unit; returning
 * and approving need {@code MANAGE_ACTION_PLANS} at the plan's province. Stale forms are
 * refused by the report's {@code version}. Due dates are a number of days after the
 * period's end per plan (defaults 15 and 31), stored on each report and moved for
 * unsubmitted ones when the plan administrator changes them.</li>
 * <li>An indicator broken down by sex is reported as its total and, under it, the figures
 * for female and male ({@code plan_report_value.disaggregation}), checked by
 * {@link vn.trean.plans.PlanReportPolicy}: each sex's counts like the total's (a
 * numerator over its denominator only explained, then flagged); female plus male never
 * exceed the total, numerator and denominator separately, and need a total; when both are
 * given they must equal the total unless the indicator's one explanation says why (people
 * whose sex was not recorded), since a gap is common in commune records and refusing it
 * would push reporters to invent a split. One sex alone is a partial breakdown and needs
 * no explanation. The rows by sex are copied into a correction and locked after approval
 * by the same trigger as the total (it guards every row of an approved report). The
 * progress page shows the approved figures by sex under each total (city and communes,
 * summed like the totals, without targets: targets are set for totals), and the XLSX
 * export has a column for each sex's numerator and denominator; the PDF and the city
 * dashboard show totals only. A unit's figures by sex come from the report version its
 * total comes from (the newest approved one giving the total): a correction without
 * figures by sex leaves none.</li>
 * <li>Progress ({@link vn.trean.plans.Progress}) counts, for each unit and indicator, the
 * newest approved version of the unit's report that gives the indicator's total; the city
 * total sums the numerators and denominators of every unit of the province (the city's
 * own report included) and divides once.</li>
 * <li>REGISTER indicators are computed from {@link vn.trean.registers.RegisterCounts}
 * through one explicit mapping, {@link vn.trean.plans.RegisterMeasure} (indicator code
 * and denominator kind to the counts of numerator and denominator); the city's counts
 * cover every unit of the province, so its value too is the sum of the numerators over
 * the sum of the denominators. An indicator the mapping does not know (3.2) has no value
 * and stays to be completed by the plan administrator. A register indicator has a value
 * for every period: a half year is counted between its first and last days (per commune;
 * the city dashboard's grouped counts are by calendar year). The trace lists the register
 * records behind the number and needs {@code VIEW_STATISTICS} at the unit traced, as the
 * registers' pages do, because the records name people.</li>
 * <li>Historical boundaries (point 6): every number of a unit counts the records of
 * {@link vn.trean.geography.Geography#unitsCountedFor}, so the old communes merged whole
 * into a commune count for it, and the province counts its whole history. The dashboard
 * shows the same figures by today's communes or by the old districts
 * ({@code ?by=OLD_DISTRICTS}); units to review (split wards, records of an old district
 * or province, today's communes made from several districts) are listed after the regular
 * rows when they have figures in the year, with the units they may belong to, and count
 * only in the city total. Old units have no targets.</li>
 * <li>The dashboard's workforce counts read the first training dates kept on the roster
 * (V20: {@code first_trained_on}, {@code first_investigation_training_on}) by triggers on
 * the participations and trainings, in the same transaction; they are derived columns of
 * the register, not a cache of results. The counts of one unit and their trace still read
 * the participations, and tests compare both. Likewise the facility counts read two flags
 * kept on the checks by triggers (V23: a facility's last check of a year, its first check
 * of a year with a prevention session), so they read one check per facility and year
 * instead of grouping every check; a health facility's verdict holds until the year of
 * its next check. A covering index (V21) lets the roster be counted from the index alone,
 * and the families of counts run side by side, each on its own read-only connection (so
 * each has its own snapshot: a register write between them can show in one family and not
 * yet in the other, which a dashboard tolerates).</li>
 * <li>The progress report is exported as XLSX (a minimal workbook written with
 * {@code java.util.zip} by {@link vn.trean.plans.Workbook}, no library) and as PDF
 * through the printing module, in the language the requester reads the pages in
 * (Vietnamese, or English after the language switch): the language is stored on the job
 * (V19), because the worker runs later and possibly on another instance, and every
 * header, label, sheet name, title and level comes from the message bundle in it. The
 * PDF's heading laid out by the printing module (national heading and motto, the
 * committee, the place-and-date line) stays Vietnamese in both: it is the State's form of
 * an official document. The plan's own words (title, indicator names), unit names and the
 * file name are data and stay as recorded. An export is a job row (V16) that a worker on
 * Spring's task executor claims after the request commits, in one statement that only a
 * queued row passes (two instances never produce the same job), then fills in: its
 * percentage and heartbeat after each indicator, then the file; every write names the
 * worker's attempt, so a worker whose job was taken from it writes nothing. Instances
 * keep nothing, so any instance answers the htmx poll and the download; only the
 * requesting user sees a job (anyone else gets 404). Requests and downloads are audited
 * ({@link vn.trean.plans.PlanChanged}). A job whose instance stopped is found by a
 * scheduled recovery (every minute; one instance at a time under an advisory lock) once
 * its heartbeat is older than {@code trean.plans.export-heartbeat-timeout} (5 minutes):
 * it is queued again and claimed by the next worker of any instance, and after
 * {@code trean.plans.export-max-attempts} (3) starts it is failed with a translated
 * reason the status page shows. Jobs older than a day are deleted by a scheduled cleanup
 * under an advisory lock.</li>
 * <li>Targets and reference denominators of every unit can be imported from a CSV file
 * ({@link vn.trean.plans.PlanImports}, page {@code /plans/{id}/import}), as DHIS2 users
 * import data values. The format is wide, one line per unit and year and one column per
 * indicator code (or denominator kind): {@code unit_code,unit_name,year,1.1,1.2,…}, the
 * shape a commune officer fills in Excel; the template lists the province and its
 * communes in force with the figures already set. Files are UTF-8 (a byte order mark is
 * written and accepted), comma- or semicolon-separated (Excel with Vietnamese regional
 * settings writes semicolons; the template is offered in both), read strictly by
 * {@link vn.trean.plans.CsvFile} (RFC 4180, no library). Every filled cell is checked by
 * {@link vn.trean.plans.TargetPolicy}, the rules of the form, so 95,5 and 95.5 are both
 * read and 1.000 (thousands) is refused; a blank cell leaves the figure as it is (an
 * import never deletes); the same unit, year and column twice, an unknown column or unit
 * code, and a unit outside the province are refused. A file is read whole before anything
 * is written, then stored in one transaction with one audit entry (counts, the file's
 * SHA-256 and as many changes as fit) or refused with every problem by line and column
 * (422) and nothing changed. Limits ({@link vn.trean.plans.PlanImportSettings}): 1 MB,
 * 5,000 lines. A request above the server's multipart limit (11 MB) is answered by the
 * application's shared refused-upload page (413), not the import page.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "geography", "identity", "directory", "registers", "printing" })
package vn.trean.plans;
