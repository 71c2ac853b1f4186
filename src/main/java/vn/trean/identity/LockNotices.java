package vn.trean.identity;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the owner by e-mail when their second factor was locked: only someone who knew
 * the password could have typed the wrong codes, so the owner should change it at once
 * (and ask an administrator if they are locked out). Password locks are not mailed: any
 * stranger can cause one, and the owner's own password and code lift it.
 */
@Component
class LockNotices {

	static final String SUBJECT = "Trẻ An: tài khoản tạm khóa / account locked";

	static final String TEXT = """
			Mã xác thực hai lớp của tài khoản bạn vừa bị nhập sai nhiều lần, nên đã tạm khóa. \
			Người nhập sai đã biết mật khẩu của bạn: hãy đổi mật khẩu ngay khi đăng nhập được, \
			hoặc liên hệ quản trị viên.
			Your account's second-factor code was typed wrong too often, so it is locked for a \
			while. Whoever typed it knew your password: change it as soon as you can sign in, or \
			ask your administrator.""";

	private final UserAccountRepository accounts;

	private final Notices notices;

	LockNotices(UserAccountRepository accounts, Notices notices) {
		this.accounts = accounts;
		this.notices = notices;
	}

	@ApplicationModuleListener
	void on(IdentityEvents.AccountLocked event) {
		if (event.secondFactor()) {
			accounts.findByUsername(event.actor())
				.ifPresent(account -> notices.mailLink("second-factor-locked:" + event.occurredAt(),
						List.of(account.id()), SUBJECT, TEXT, "/account/password"));
		}
	}

}
