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
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "geography" })
package vn.trean.identity;
