export { DomainError, isDomainError } from './domain-error.js';
export { AllExceptionsFilter, toErrorResponse, type ErrorBody } from './all-exceptions.filter.js';
export { REQUEST_ID_HEADER, requestIdOf, resolveRequestId } from './request-id.js';
export { pathOf, type HttpReply, type HttpRequest } from './http.js';
export { LoggingModule } from './logging.module.js';
export { containsPii, luhnValid, redactPii, REDACTED_CARD, REDACTED_EMAIL, REDACTED_PHONE } from './pii-redaction.js';
export { piiRedactingLogMethod, redactLogArguments, redactUrl } from './log-redaction.js';
export { SafeValidationPipe } from './safe-validation.pipe.js';
export { isValidTimeZone, wallClock, type WallClock } from './wall-clock.js';
