export { AuthModule } from './auth.module.js';
export { TOKEN_ALGORITHM, TokenService, type IssuedToken, type VerifiedToken } from './token.service.js';
export { InvalidTokenError, type InvalidTokenReason } from './auth.errors.js';
