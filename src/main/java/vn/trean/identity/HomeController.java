package vn.trean.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page after sign-in: what the user's roles let them do. */
@Controller
class HomeController {

	@GetMapping("/")
	String home(CurrentUser me) {
		return "home";
	}

}
