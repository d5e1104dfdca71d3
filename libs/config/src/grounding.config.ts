import { registerAs, type ConfigType } from '@nestjs/config';
import { EnvEnum } from './env-decorators.js';
import { validateEnv } from './validate-env.js';

export const GROUNDING_POLICIES = ['off', 'annotate', 'strict'] as const;
/**
 * off: no check; annotate: an answer with ungrounded numbers is corrected in place and a correction
 * is sent after the streamed text; strict: the model is asked once to rewrite it with the tool values.
 */
export type GroundingPolicy = (typeof GROUNDING_POLICIES)[number];

class GroundingEnv {
  @EnvEnum(GROUNDING_POLICIES) GROUNDING_POLICY: GroundingPolicy = 'annotate';
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
