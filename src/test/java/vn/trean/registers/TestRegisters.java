package vn.trean.registers;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;

import vn.trean.geography.UnitId;
import vn.trean.identity.Actor;

/**
 * Records another module's tests need in the registers, entered through the registers'
 * own services as a user who keeps them would: an interview room and a police
 * investigator trained in child-friendly investigation.
 */
public final class TestRegisters {

	private final RoomRegister rooms;

	private final WorkforceRegister workforce;

	private final TrainingRegister trainings;

	public TestRegisters(ApplicationContext context) {
		this.rooms = context.getBean(RoomRegister.class);
		this.workforce = context.getBean(WorkforceRegister.class);
		this.trainings = context.getBean(TrainingRegister.class);
	}

	/** A child-friendly interview room of the unit, set up in 2024. */
	public long childFriendlyRoom(Actor by, UnitId unit, String name) {
		return rooms.add(by, new RoomPolicy.RoomEntry(unit.toString(), name, "2024-03-01", true));
	}

	/**
	 * A police investigator on the unit's roster since 2024, who attended a training in
	 * child-friendly investigation in March 2024.
	 */
	public long trainedInvestigator(Actor by, UnitId unit, String name) {
		long member = workforce.add(by, new WorkforcePolicy.MemberEntry(unit.toString(), name,
				WorkforceRole.POLICE_INVESTIGATOR, Sex.MALE, "", "2024-01-01", ""));
		trainings.add(by,
				new TrainingPolicy.TrainingEntry(unit.toString(), "2024-03-15", "Điều tra thân thiện với trẻ em",
						"Công an thành phố Cần Thơ", TrainingKind.CHILD_FRIENDLY_INVESTIGATION,
						List.of(Long.toString(member)), Map.of()));
		return member;
	}

}
