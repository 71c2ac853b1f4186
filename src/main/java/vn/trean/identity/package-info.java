/**
 * Users, their roles, jurisdiction and agency; sign-in with a password and a TOTP second
 * factor; API tokens; the {@link vn.trean.identity.Actor} of each request; and the one
 * {@link vn.trean.identity.Authorization} component that decides who may do what where,
 * from the grant table {@code RolePermissions} (role → action → reach).
 * <p>
 * Decisions:
 * <ul>
 * <li>Every request that changes state names its permission with
 * {@link vn.trean.identity.Requires}; {@code RequiredPermissions} refuses it with 403
 * before its parameters are bound, and refuses an unmarked state-changing handler.</li>
 * <li>Forwarding headers are believed only from {@code trean.web.trusted-proxies} (none
 * by default); redirects name a path only, never a host taken from the request.</li>
 * <li>Sign-in is a sequence of steps ({@code LoginSteps}); each step's page is open only
 * while that step is due. Wrong passwords lock the password step, which only the password
 * and the owner's code given together lift; wrong codes lock the second factor in every
 * session, growing with each lock; locked and unknown accounts get one answer; each
 * failure slows its client address ({@code LoginAttempts}, {@code SignInThrottle}). A
 * second-factor reset comes with a temporary password.</li>
 * </ul>
 * Invariants: roles and jurisdiction are read afresh on every request; ownership narrows
 * a grant and never widens it ({@link vn.trean.identity.Authorization#decideAsAuthor});
 * the second factor is compulsory for every role that reaches a child's data and for
 * system administrators; TOTP secrets are stored encrypted and API tokens only as a hash.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "geography" })
package vn.trean.identity;
