package vn.trean.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page after sign-in: what waits for the user (their work queue) and what their
 * roles let them do.
 */
@Controller
class HomeController {

	private final WorkQueue queue;

	HomeController(WorkQueue queue) {
		this.queue = queue;
	}

	@GetMapping("/")
	String home(Actor actor, Model model) {
		model.addAttribute("queue", queue.of(actor));
		return "home";
	}

}
