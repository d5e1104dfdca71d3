export { AuthModule } from './auth.module.js';
export { TOKEN_ALGORITHM, TokenService, type IssuedToken, type VerifiedToken } from './token.service.js';
export { AuthenticationRequiredError, UserMismatchError, InvalidLimitsRequestError, InvalidLoginRequestError, InvalidTokenError, type InvalidTokenReason } from './auth.errors.js';
export { AccountAuthModule } from './account-auth.module.js';
export { CurrentUser, JwtAuthGuard, OptionalJwtAuthGuard, OptionalToken, type AuthenticatedUser } from './jwt-auth.guard.js';
export { assertOwnsAll, isAnonymousSubject, resolveIdentity, type Identity, type IdentityProof, type IdentityTransport } from './identity.js';
