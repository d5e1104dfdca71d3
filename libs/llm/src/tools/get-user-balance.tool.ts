import { tool, type ToolRunnableConfig } from '@langchain/core/tools';
import { z } from 'zod';
import { toolContextOf } from './tool-context.js';
import type { ToolDeps } from './tool-deps.js';
import { runTool } from './tool-results.js';

export const GET_USER_BALANCE = 'get_user_balance';

export type BalanceResult =
  | { loginRequired: true; message: string }
  | { loginRequired: false; currency: string; available: number; pending?: number; bonus?: number; updatedAt?: string };

// No arguments on purpose: whose balance is read comes only from the authenticated session.
const schema = z.object({});

export function createGetUserBalanceTool(deps: ToolDeps) {
  return tool(
    (_args: z.infer<typeof schema>, config: ToolRunnableConfig) =>
      runTool(GET_USER_BALANCE, deps.logger, async (): Promise<BalanceResult> => {
        const { userId } = toolContextOf(config);
        if (!userId) {
          return { loginRequired: true, message: 'The user is not logged in. Ask them to log in to see their balance.' };
        }
        const balance = await deps.balance.getBalance(userId);
        return {
          loginRequired: false,
          currency: balance.currency,
          available: balance.available,
          ...(balance.pending !== undefined ? { pending: balance.pending } : {}),
          ...(balance.bonus !== undefined ? { bonus: balance.bonus } : {}),
          ...(balance.updatedAt !== undefined ? { updatedAt: balance.updatedAt } : {}),
        };
      }),
    {
      name: GET_USER_BALANCE,
      description:
        "The logged-in user's own balance; no arguments. If loginRequired, ask the user to log in; never guess a balance.",
      schema,
    },
  );
}
