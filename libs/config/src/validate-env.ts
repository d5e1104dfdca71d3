import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** Thrown at start-up when an environment variable has a value the service cannot run with. */
export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigValidationError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Validates the variables one config namespace reads. Empty strings count as unset, so a
 * `.env` line such as `GEMINI_MAX_TOKENS=` falls back to the default instead of failing.
 */
export function validateEnv<T extends object>(schema: ClassConstructor<T>, env: Env = process.env): T {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const instance = plainToInstance(schema, present, { enableImplicitConversion: false, exposeDefaultValues: true });
  const errors = validateSync(instance, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigValidationError(flatten(errors));
  return instance;
}

function flatten(errors: ValidationError[]): string[] {
  // One decorator can fail several constraints with the same message; say it once.
  return [...new Set(errors.flatMap((error) => Object.values(error.constraints ?? {})))];
}
