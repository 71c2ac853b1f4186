package vn.trean.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The notification list: the latest of the user's notifications, unread first; opening
 * one marks it read and goes to the page that acts on it; "mark all read".
 */
@Controller
class NotificationsController {

	private static final int SHOWN = 100;

	private final Notifications notifications;

	NotificationsController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String list(CurrentUser me, Model model) {
		model.addAttribute("notifications", notifications.latest(me.id(), SHOWN));
		return "notifications";
	}

	/**
	 * Opens one: read, then the page it links to (only ever a page of this application).
	 */
	@GetMapping("/notifications/{id}")
	String open(CurrentUser me, @PathVariable String id) {
		String link = notifications.open(me.id(), parse(id)).orElseThrow(() -> new UnknownNotification(id));
		if (!link.startsWith("/") || link.startsWith("//")) {
			throw new UnknownNotification(id);
		}
		return "redirect:" + link;
	}

	/** Every signed-in user has their own notifications: no permission needed. */
	@Requires({})
	@PostMapping("/notifications/read")
	String markAllRead(CurrentUser me) {
		notifications.markAllRead(me.id());
		return "redirect:/notifications";
	}

	private static long parse(String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new UnknownNotification(id);
		}
	}

}
