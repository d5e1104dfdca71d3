import { registerAs, type ConfigType } from '@nestjs/config';
import { EnvEnum } from './env-decorators.js';
import { validateEnv } from './validate-env.js';

/** Mirrors GROUNDING_POLICIES of @app/grounding (config cannot import feature libs). */
export const GROUNDING_POLICY_VALUES = ['off', 'annotate', 'strict'] as const;

class GroundingEnv {
  @EnvEnum(GROUNDING_POLICY_VALUES) GROUNDING_POLICY: (typeof GROUNDING_POLICY_VALUES)[number] = 'annotate';
}

/** What happens to a model answer that quotes a number the tools did not produce (docs/grounding.md). */
export const groundingConfig = registerAs('grounding', () => {
  const env = validateEnv(GroundingEnv);
  return {
    /** off: not checked; annotate: corrected in place, with a correction event; strict: the model rewrites it once. */
    policy: env.GROUNDING_POLICY,
  };
});
export type GroundingConfig = ConfigType<typeof groundingConfig>;
