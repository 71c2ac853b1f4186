package vn.trean.registers;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import vn.trean.registers.RegisterPages.EditPage;
import vn.trean.registers.RoomPolicy.RoomEntry;

/** The interview rooms' pages (those of {@link RecordPages}). */
@Controller
@RequestMapping("/registers/{register:rooms}")
class RoomController extends RecordPages<RoomId, InterviewRoom, RoomEntry> {

	RoomController(RoomRegister rooms, Registers registers) {
		super(rooms, registers, RoomEntry.class, RoomEntry.blank(), "registers/rooms",
				new EditPage("room", "registers.rooms.edit", "/registers/rooms", "registers.rooms"));
	}

}
