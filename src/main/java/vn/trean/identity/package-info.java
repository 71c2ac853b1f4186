/**
 * Users, their roles, jurisdiction and agency; sign-in with a password and a TOTP second
 * factor; API tokens; and the one {@link vn.trean.identity.Authorization} component that
 * decides who may do what where.
 * <ul>
 * <li>Ownership narrows a grant and never widens it: whoever made a record acts on it
 * only while their roles still grant the action that made it
 * ({@link vn.trean.identity.Authorization#decideAsAuthor}).</li>
 * <li>Every request that changes state names the permission it needs with
 * {@link vn.trean.identity.Requires}; {@code RequiredPermissions} refuses it with 403
 * before its parameters are bound, so a value that cannot be converted never renders a
 * page to someone who may not see it. An unmarked state-changing handler is refused.</li>
 * <li>Forwarding headers are believed only from the proxies in
 * {@code trean.web.trusted-proxies} (none by default, {@code TrustedProxies}); redirects
 * name a path only, never a host taken from the request.</li>
 * <li>Sign-in locks a stranger cannot turn against the owner ({@code LoginAttempts}):
 * wrong passwords lock the password step, which only the password and the owner's code
 * given together lift; wrong codes lock the second factor in every session, the right
 * code included, growing with each lock; locked and unknown accounts get one answer; each
 * failure slows its client address ({@code SignInThrottle}). Each step's page is open
 * only while that step is due ({@code LoginSteps}). A second-factor reset comes with a
 * temporary password, so whoever knew the old one cannot enrol a phone.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "geography" })
package vn.trean.identity;
