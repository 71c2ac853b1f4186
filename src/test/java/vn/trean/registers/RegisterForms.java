package vn.trean.registers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.trean.TestAccounts;
import vn.trean.TestUserAgent;
import vn.trean.geography.UnitId;
import vn.trean.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The register forms as a browser posts them, and signing in to the register pages:
 * shared by the register tests. The maps are mutable, so a test may add or change a
 * field.
 */
final class RegisterForms {

	private RegisterForms() {
	}

	static TestUserAgent signedIn(int port, String username) {
		TestUserAgent agent = new TestUserAgent(port);
		assertThat(agent.signIn(username).status()).isEqualTo(302);
		return agent;
	}

	/** The city's manager, on the workforce page (which gives the form token). */
	static TestUserAgent manager(int port, TestAccounts accounts) {
		TestUserAgent agent = signedIn(port, accounts.create(Role.PROVINCIAL_MANAGER, "92"));
		agent.get("/registers/workforce");
		return agent;
	}

	static Map<String, String> member(UnitId unit, String name, String role, String sex) {
		return new HashMap<>(Map.of("unit", unit.toString(), "fullName", name, "role", role, "sex", sex, "agency", "",
				"activeFrom", "2024-01-01", "activeTo", ""));
	}

	static List<Map.Entry<String, String>> training(UnitId unit, String heldOn, List<Long> participants,
			Map<String, String> counts) {
		List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("unit", unit.toString()),
				Map.entry("heldOn", heldOn), Map.entry("topic", "Kỹ năng bảo vệ trẻ em"),
				Map.entry("organiser", "Sở Y tế thành phố Cần Thơ"), Map.entry("kind", "CHILD_PROTECTION_SKILLS")));
		participants.forEach(p -> fields.add(Map.entry("participants", p.toString())));
		fields.addAll(counts.entrySet());
		return fields;
	}

	static Map<String, String> event(UnitId unit, String heldOn, String reach, String households) {
		return new HashMap<>(Map.of("unit", unit.toString(), "heldOn", heldOn, "type", "Họp cha mẹ học sinh", "channel",
				"Trực tiếp", "audience", "Cha mẹ", "reach", reach, "materials", "Tờ rơi", "households", households));
	}

	static Map<String, String> room(UnitId unit, String name, String childFriendly) {
		return new HashMap<>(Map.of("unit", unit.toString(), "name", name, "establishedOn", "2024-03-01",
				"childFriendly", childFriendly));
	}

	static List<Map.Entry<String, String>> facility(UnitId unit, String kind, String name, String checkedOn,
			List<String> items) {
		List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("unit", unit.toString()),
				Map.entry("kind", kind), Map.entry("name", name), Map.entry("checkedOn", checkedOn)));
		items.forEach(i -> fields.add(Map.entry("items", i)));
		return fields;
	}

}
