import { tool, type ToolRunnableConfig } from '@langchain/core/tools';
import { z } from 'zod';
import { checkCurrency } from './recommend-bets.tool.js';
import type { ProposedBet } from './betting-account.ports.js';
import { legSchema, priceLeg } from './simulate-bet.tool.js';
import { toolContextOf } from './tool-context.js';
import type { ToolDeps } from './tool-deps.js';
import { ToolRequestError, runTool } from './tool-results.js';

export const PROPOSE_BET = 'propose_bet';

const MAX_LEGS = 20;

const schema = z.object({
  selections: z.array(legSchema).describe('Several (of different matches) for an accumulator.'),
  stake: z.number(),
  currency: z.string().max(3).optional().describe('ISO 4217, default EUR.'),
});

export type ProposalResult =
  | { loginRequired: true; needs_confirmation: false; message: string }
  | (ProposedBet & { loginRequired?: undefined; needs_confirmation: true; how_to_confirm: string });

/**
 * Turns "bet €10 on Barcelona" into a proposal the user can confirm. It never places anything: a
 * bet is placed only when the user confirms the proposal themselves, outside the conversation.
 */
export function createProposeBetTool(deps: ToolDeps) {
  return tool(
    (args: z.infer<typeof schema>, config: ToolRunnableConfig) =>
      runTool(PROPOSE_BET, deps.logger, async (): Promise<ProposalResult> => {
        const { userId, timeZone, language } = toolContextOf(config);
        if (!userId) {
          return {
            loginRequired: true,
            needs_confirmation: false,
            message: 'The user is not logged in. Ask them to log in to place bets; simulate_bet can still show what a stake would return.',
          };
        }
        if (!deps.proposals) throw new ToolRequestError('BETTING_UNAVAILABLE', 'Placing bets is not available on this server.');
        if (args.selections.length === 0) throw new ToolRequestError('INVALID_ARGUMENT', 'Give at least one selection.');
        if (args.selections.length > MAX_LEGS) throw new ToolRequestError('INVALID_ARGUMENT', `A bet may have at most ${MAX_LEGS} selections.`);
        if (!Number.isFinite(args.stake) || args.stake <= 0) throw new ToolRequestError('INVALID_ARGUMENT', 'stake must be a positive amount.');
        const currency = checkCurrency(args.currency);

        const priced = await Promise.all(args.selections.map((leg) => priceLeg(deps, leg, timeZone, language)));
        const proposal = await deps.proposals.propose(userId, {
          stake: Math.round(args.stake * 100) / 100,
          currency,
          selections: priced.map(({ leg }) => ({
            matchId: leg.match.id,
            market: leg.market,
            selection: leg.selection,
            ...(leg.line !== undefined ? { line: leg.line } : {}),
          })),
        });
        return {
          ...proposal,
          needs_confirmation: true,
          how_to_confirm: `Nothing is placed yet. The user places it by confirming proposal ${proposal.proposal_id} before ${proposal.expires_at}, with POST /api/v1/bets/proposals/${proposal.proposal_id}/confirm or the confirm_bet socket event.`,
        };
      }),
    {
      name: PROPOSE_BET,
      description:
        'When the user asks to PLACE a bet: prices it and stores a proposal for the logged-in user. It does NOT place the bet; the user confirms it themselves. ' +
        'Show legs, odds, stake, return, proposal id, expiry and how to confirm. If loginRequired, ask the user to log in.',
      schema,
    },
  );
}
