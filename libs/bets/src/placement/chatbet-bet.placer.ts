import { Inject, Injectable, Logger } from '@nestjs/common';
import { AccountsService, DailyLimitExceededError, InsufficientFundsError, LoginRequiredError } from '@app/accounts';
import { betsConfig, type BetsConfig } from '@app/config';
import { ChatBetApiClient, UpstreamRejectedError, type ChatBetPlaceBetRequest } from '@app/sports-data';
import { BetRejectedError, PlacementOutcomeUnknownError } from '../bets.errors.js';
import { BetStore } from '../store/bet.store.js';
import { BetPlacer, type PlacementOrder, type PlacementReceipt } from './bet-placer.js';

/** The source id public ChatBet clients send with every bet. */
const CHATBET_SOURCE = '1101';
const PAGE = 100;

/**
 * Bets placed with the ChatBet upstream, which holds the user's money and takes the stake itself
 * (this service debits nothing, so nothing is taken twice). Bodies follow the upstream's contract,
 * every value a string, with the `token`, `accept-language` and `country-code` headers.
 *
 * The call is not retried once it may have reached the upstream: an answer that never came makes
 * the outcome unknown (PlacementOutcomeUnknownError) rather than risking a second bet. The daily
 * stake limit is checked against the bets this service placed today, before the call; unlike the
 * ledger's check it is not atomic with the placement.
 */
@Injectable()
export class ChatBetBetPlacer extends BetPlacer {
  readonly provider = 'chatbet';
  private readonly logger = new Logger(ChatBetBetPlacer.name);

  constructor(
    private readonly client: ChatBetApiClient,
    private readonly accounts: AccountsService,
    private readonly store: BetStore,
    @Inject(betsConfig.KEY) private readonly config: BetsConfig,
  ) {
    super();
  }

  async place(order: PlacementOrder): Promise<PlacementReceipt> {
    const { quote } = order;
    const credentials = await this.accounts.chatbetCredentials(order.userId);
    if (!credentials) throw new LoginRequiredError();
    await this.assertWithinDailyLimit(order.userId, quote.stake);
    const balance = await this.accounts.getBalance(order.userId);
    if (balance.available < quote.stake) throw new InsufficientFundsError(balance.available, quote.stake);

    const request: ChatBetPlaceBetRequest = {
      user: { id: credentials.upstreamId, userKey: credentials.userKey },
      amount: String(quote.stake),
      source: CHATBET_SOURCE,
      legs: quote.legs.map((leg) => ({
        betId: leg.betId,
        fixtureId: leg.matchId,
        odd: leg.odds.toFixed(2),
        sportId: leg.fixture.sportId,
        tournamentId: leg.fixture.tournament.id,
      })),
      language: order.language,
      countryCode: this.config.countryCode,
    };
    let answer: unknown;
    try {
      answer = quote.type === 'single' ? await this.client.placeBet(request) : await this.client.placeComboBet(request);
    } catch (error) {
      if (error instanceof UpstreamRejectedError) {
        this.logger.warn({ msg: 'ChatBet refused a bet', betId: order.betId, upstreamStatus: error.upstreamStatus, detail: error.upstreamDetail });
        throw new BetRejectedError();
      }
      this.logger.error({ msg: 'ChatBet did not confirm a bet; its outcome is unknown', betId: order.betId, err: error instanceof Error ? error.message : String(error) });
      throw new PlacementOutcomeUnknownError();
    }
    const placed = readPlacement(answer);
    if (!placed) {
      this.logger.error({ msg: 'ChatBet answered a bet without a bet id; its outcome is unknown', betId: order.betId });
      throw new PlacementOutcomeUnknownError();
    }
    const after = await this.accounts.getBalance(order.userId).catch(() => undefined);
    return {
      amount: quote.stake,
      providerBetId: placed.betId,
      ...(placed.potentialReturn !== undefined ? { confirmedReturn: placed.potentialReturn } : {}),
      ...(after ? { balanceAfter: after.available } : {}),
    };
  }

  /** The upstream takes and keeps the stake; a bet it accepted cannot be undone from here. */
  async refund(): Promise<boolean> {
    return false;
  }

  private async assertWithinDailyLimit(userId: string, stake: number): Promise<void> {
    const { dailyStakeLimit } = await this.accounts.getLimits(userId);
    if (dailyStakeLimit === null) return;
    const staked = await this.stakedToday(userId);
    if (staked + stake > dailyStakeLimit + 1e-9) throw new DailyLimitExceededError(dailyStakeLimit, staked, stake);
  }

  /** Stakes of the bets placed through this service since midnight UTC. */
  private async stakedToday(userId: string): Promise<number> {
    const dayStart = `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`;
    let cents = 0;
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.store.listBets(userId, offset, PAGE);
      const today = page.bets.filter((bet) => bet.placedAt >= dayStart);
      cents += today.reduce((sum, bet) => sum + Math.round(bet.stake * 100), 0);
      if (today.length < page.bets.length || page.bets.length < PAGE) return cents / 100;
    }
  }
}

/** `/place-bet` answers `{message, betId, possibleWin}`; `/place-combo-bet` `{betId, profit, odd}` (shape not published). */
function readPlacement(answer: unknown): { betId: string; potentialReturn?: number } | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const record = answer as Record<string, unknown>;
  const id = record.betId ?? record.bet_id ?? record.id;
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id).length === 0) return undefined;
  const amount = Number(record.possibleWin ?? record.profit);
  return { betId: String(id), ...(Number.isFinite(amount) && amount > 0 ? { potentialReturn: Math.round(amount * 100) / 100 } : {}) };
}
