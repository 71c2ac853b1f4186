package vn.trean.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count in every page's header: one indexed count per page for a signed-in
 * user, none for the API or a visitor.
 */
@ControllerAdvice(annotations = Controller.class)
class NotificationCount {

	private final IdentityWeb web;

	private final Notifications notifications;

	NotificationCount(IdentityWeb web, Notifications notifications) {
		this.web = web;
		this.notifications = notifications;
	}

	@ModelAttribute("unreadNotifications")
	Integer unread(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return 0;
		}
		CurrentUser user = web.currentUser(request);
		return user == null ? 0 : notifications.unread(user.id());
	}

}
