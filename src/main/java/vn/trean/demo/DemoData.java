package vn.trean.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.trean.directory.Directory;
import vn.trean.directory.Sector;
import vn.trean.geography.AdministrativeUnit;
import vn.trean.geography.Geography;
import vn.trean.identity.Accounts;
import vn.trean.identity.Actor;
import vn.trean.identity.CurrentUser;
import vn.trean.identity.Role;
import vn.trean.intake.Channel;
import vn.trean.intake.ContactType;
import vn.trean.intake.DangerSign;
import vn.trean.intake.HarmForm;
import vn.trean.intake.Intake;
import vn.trean.intake.Relation;
import vn.trean.intake.ReportId;
import vn.trean.intake.ReportDraft;
import vn.trean.intake.Setting;
import vn.trean.children.Sex;
import vn.trean.shared.AgencyId;

/**
 * Loads the demo agencies, accounts, reports and referrals once (skipped when they exist)
 * and prints how to sign in. Every demo record is flagged {@code demo} where its table
 * has the column, and named "[DEMO]".
 */
@Component
@Profile("demo")
@Order(20)
class DemoData implements ApplicationRunner {

	/** Shared by every demo account. Never use a demo installation for real data. */
	static final String PASSWORD = "TreAn-demo-2026!";

	/**
	 * The TOTP secret of every demo account (the page also shows the current demo code).
	 */
	static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final Geography geography;

	private final Directory directory;

	private final Accounts accounts;

	private final Intake intake;

	private final ApplicationContext context;

	private final TransactionTemplate transactions;

	private final DemoReferrals demoReferrals;

	private final DemoCircumstances demoCircumstances;

	private final DemoPopulation demoPopulation;

	DemoData(Geography geography, Directory directory, Accounts accounts, Intake intake, ApplicationContext context,
			TransactionTemplate transactions, DemoReferrals demoReferrals, DemoCircumstances demoCircumstances,
			DemoPopulation demoPopulation) {
		this.demoPopulation = demoPopulation;
		this.transactions = transactions;
		this.demoReferrals = demoReferrals;
		this.demoCircumstances = demoCircumstances;
		this.geography = geography;
		this.directory = directory;
		this.accounts = accounts;
		this.intake = intake;
		this.context = context;
	}

	/** One demo account. */
	record DemoAccount(String username, String displayName, Role role, String unitCode, String agencyKey) {
	}

	static final List<DemoAccount> ACCOUNTS = List.of(
			new DemoAccount("demo.admin", "[DEMO] Quản trị hệ thống", Role.SYSTEM_ADMINISTRATOR, "92", "authority"),
			new DemoAccount("demo.hotline", "[DEMO] Tổng đài viên 1800 8065", Role.HOTLINE_OPERATOR, "92", "hotline"),
			new DemoAccount("demo.officer", "[DEMO] Cán bộ BVTE phường Cái Khế", Role.COMMUNE_OFFICER, "31120",
					"committee"),
			new DemoAccount("demo.chair", "[DEMO] Chủ tịch UBND phường Cái Khế", Role.COMMUNE_CHAIR, "31120",
					"committee"),
			new DemoAccount("demo.manager", "[DEMO] Quản lý cấp thành phố", Role.PROVINCIAL_MANAGER, "92", "authority"),
			new DemoAccount("demo.focal", "[DEMO] Đầu mối trường học", Role.AGENCY_FOCAL_POINT, "31120", "school"),
			new DemoAccount("demo.school.head", "[DEMO] Hiệu trưởng Trường Tiểu học Cái Khế", Role.AGENCY_FOCAL_POINT,
					"31120", "school"),
			new DemoAccount("demo.health", "[DEMO] Đầu mối Trạm Y tế phường Cái Khế", Role.AGENCY_FOCAL_POINT, "31120",
					"health"),
			new DemoAccount("demo.health.head", "[DEMO] Trưởng Trạm Y tế phường Cái Khế", Role.AGENCY_FOCAL_POINT,
					"31120", "health"),
			new DemoAccount("demo.police", "[DEMO] Đầu mối Công an phường Cái Khế", Role.AGENCY_FOCAL_POINT, "31120",
					"police"),
			new DemoAccount("demo.police.head", "[DEMO] Trưởng Công an phường Cái Khế", Role.AGENCY_FOCAL_POINT,
					"31120", "police"),
			new DemoAccount("demo.reporter", "[DEMO] Người báo cáo kế hoạch", Role.PLAN_REPORTER, "31120", "committee"),
			new DemoAccount("demo.statistician", "[DEMO] Thống kê viên", Role.STATISTICIAN, "92", "authority"),
			new DemoAccount("demo.officer2", "[DEMO] Cán bộ BVTE phường Ninh Kiều", Role.COMMUNE_OFFICER, "31135",
					"committee2"));

	@Override
	public void run(ApplicationArguments args) {
		if (!accounts.exists("demo.admin")) {
			// all or nothing: a start interrupted half-way must not leave half the demo
			// behind
			transactions.executeWithoutResult(status -> load());
		}
		printBanner();
	}

	private void load() {
		var today = geography.today();
		AdministrativeUnit city = geography.unitByCode("92", today).orElseThrow();
		AdministrativeUnit caiKhe = geography.unitByCode("31120", today).orElseThrow();
		AdministrativeUnit ninhKieu = geography.unitByCode("31135", today).orElseThrow();
		Map<String, AgencyId> agencies = registerDemoAgencies(city, caiKhe, ninhKieu);
		Map<String, CurrentUser> users = provisionDemoAccounts(agencies, today);
		appointHeads(users.get("demo.admin"), agencies, users);
		ReportId caiKheReport = recordDemoReports(users.get("demo.hotline"), caiKhe.id().value(),
				ninhKieu.id().value());
		demoReferrals.load(users.get("demo.officer"), caiKheReport, new DemoReferrals.Receivers(agencies.get("police"),
				agencies.get("health"), agencies.get("school"), users.get("demo.health"), users.get("demo.focal")));
		demoCircumstances.load(users.get("demo.officer"), caiKhe.id(), today, new DemoCircumstances.Givers(
				agencies.get("committee"), agencies.get("health"), agencies.get("school")));
		int population = demoPopulation.load(users.get("demo.manager"),
				Map.of(city.id(), 880_000L, caiKhe.id(), 4_800L, ninhKieu.id(), 6_200L), today);
		log.info("Loaded demo data: {} agencies, {} accounts, 2 reports, 1 case with 3 referrals, {} child population"
				+ " figures", agencies.size(), ACCOUNTS.size(), population);
	}

	/** Each agency with demo accounts is headed by its {@code .head} account. */
	private void appointHeads(CurrentUser admin, Map<String, AgencyId> agencies, Map<String, CurrentUser> users) {
		Actor by = Actor.of(admin, "127.0.0.1");
		for (String agency : List.of("school", "health", "police")) {
			directory.appointHead(by, agencies.get(agency), users.get("demo." + agency + ".head").id());
		}
	}

	/** The demo agencies, keyed as {@link DemoAccount#agencyKey()} names them. */
	private Map<String, AgencyId> registerDemoAgencies(AdministrativeUnit city, AdministrativeUnit caiKhe,
			AdministrativeUnit ninhKieu) {
		var agencies = new HashMap<String, AgencyId>();
		agencies.put("authority",
				directory.registerDemo(new Directory.AgencyDetails("[DEMO] Sở Y tế thành phố Cần Thơ (cơ quan BVTE)",
						Sector.CHILD_PROTECTION_AUTHORITY, city.id(), null, null, null, null)));
		agencies.put("hotline",
				directory
					.registerDemo(new Directory.AgencyDetails("[DEMO] Trung tâm Công tác xã hội – đường dây 1800 8065",
							Sector.HOTLINE, city.id(), null, "1800 8065", null, null)));
		agencies.put("committee", directory.registerDemo(new Directory.AgencyDetails("[DEMO] UBND phường Cái Khế",
				Sector.COMMUNE_PEOPLES_COMMITTEE, caiKhe.id(), null, null, null, null)));
		agencies.put("committee2", directory.registerDemo(new Directory.AgencyDetails("[DEMO] UBND phường Ninh Kiều",
				Sector.COMMUNE_PEOPLES_COMMITTEE, ninhKieu.id(), null, null, null, null)));
		agencies.put("school", directory.registerDemo(new Directory.AgencyDetails("[DEMO] Trường Tiểu học Cái Khế",
				Sector.SCHOOL, caiKhe.id(), null, null, null, null)));
		agencies.put("health", directory.registerDemo(new Directory.AgencyDetails("[DEMO] Trạm Y tế phường Cái Khế",
				Sector.HEALTH_FACILITY, caiKhe.id(), null, null, null, null)));
		agencies.put("police", directory.registerDemo(new Directory.AgencyDetails("[DEMO] Công an phường Cái Khế",
				Sector.POLICE, caiKhe.id(), null, null, null, null)));
		return agencies;
	}

	/** Provisions every demo account; answers each as it signs in, by username. */
	private Map<String, CurrentUser> provisionDemoAccounts(Map<String, AgencyId> agencies, LocalDate today) {
		Map<String, CurrentUser> users = new HashMap<>();
		for (DemoAccount account : ACCOUNTS) {
			var unit = geography.unitByCode(account.unitCode(), today).orElseThrow();
			long id = accounts.provision(
					new Accounts.AccountDetails(account.username(), account.displayName(), null, unit.id(),
							agencies.get(account.agencyKey()), EnumSet.of(account.role()), true),
					PASSWORD, true, false, TOTP_SECRET);
			users.put(account.username(), accounts.current(id).orElseThrow());
		}
		return users;
	}

	/**
	 * Two labelled demo reports, so the inboxes are not empty on first sight; answers Cái
	 * Khế's.
	 */
	private ReportId recordDemoReports(CurrentUser operator, long caiKhe, long ninhKieu) {
		ReportId caiKheReport = intake
			.record(operator,
					new ReportDraft(Channel.CITY_LINE_18008065, true, null, null, null, false,
							List.of(new ReportDraft.ChildEntry("[DEMO] Trần Thị Mai", Sex.FEMALE, null, 9, null, caiKhe,
									null, null, null, null)),
							ContactType.HARM, List.of(HarmForm.SEXUAL_MOLESTATION), Setting.COMMUNITY,
							Relation.NEIGHBOUR, false, true, caiKhe,
							"[DEMO] Dữ liệu minh họa: một người hàng xóm bị nghi dâm ô bé gái 9 tuổi chiều nay.",
							List.of(DangerSign.SEXUAL_ABUSE_WITHIN_72_HOURS)))
			.id();
		intake.record(operator,
				new ReportDraft(Channel.HOTLINE_111, false, "[DEMO] Người gọi", "0912345678", Relation.TEACHER, true,
						List.of(new ReportDraft.ChildEntry("[DEMO] Lê Văn Tú", Sex.MALE, null, 12, null, ninhKieu, null,
								null, null, null)),
						ContactType.HARM, List.of(HarmForm.NEGLECT), Setting.FAMILY, Relation.PARENT, true, true,
						ninhKieu,
						"[DEMO] Dữ liệu minh họa: học sinh nghỉ học nhiều ngày, cô giáo lo em bị bỏ mặc ở nhà.",
						List.of()));
		return caiKheReport;
	}

	private void printBanner() {
		int port = context instanceof WebServerApplicationContext web && web.getWebServer() != null
				? web.getWebServer().getPort() : 8080;
		List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add(
				"==================== Trẻ An — DEMO (không dùng cho dữ liệu thật / not for real data) ====================");
		lines.add("  Address:      http://localhost:" + port + "/");
		lines.add("  Password:     " + PASSWORD + "   (every demo account)");
		lines
			.add("  2nd factor:   TOTP secret " + TOTP_SECRET + " — the sign-in page also shows the current DEMO code");
		for (DemoAccount account : ACCOUNTS) {
			lines.add(String.format("  %-20s %-22s %s", account.username(), account.role(), account.displayName()));
		}
		lines.add(
				"==========================================================================================================");
		System.out.println(String.join(System.lineSeparator(), lines));
	}

}
