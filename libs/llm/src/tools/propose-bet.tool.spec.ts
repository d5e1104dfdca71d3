import { ConfigModule } from '@nestjs/config';
import { Test, type TestingModule } from '@nestjs/testing';
import { AppCacheModule } from '@app/cache';
import { ALL_CONFIGS } from '@app/config';
import { RedisModule } from '@app/redis';
import { SportsDataModule, SportsDataService } from '@app/sports-data';
import { BalanceReader, UnavailableBalanceReader } from './balance.reader.js';
import { BetProposer, SelfExclusionReader, type BetProposalRequest, type ProposedBet, type SelfExclusion } from './betting-account.ports.js';
import { BettingToolsService } from './betting-tools.service.js';
import { toolRunConfig, type ToolContext } from './tool-context.js';

/** Records what the tool asks to propose, and answers like the bets module would. */
class RecordingProposer extends BetProposer {
  readonly calls: Array<{ userId: string; request: BetProposalRequest }> = [];

  async propose(userId: string, request: BetProposalRequest): Promise<ProposedBet> {
    this.calls.push({ userId, request });
    return {
      proposal_id: `prop_${this.calls.length}`,
      type: 'single',
      legs: request.selections.map((s) => ({ match_id: s.matchId, home: 'H', away: 'A', competition: 'C', kickoff: '2026-01-01T20:00:00.000Z', market: s.market, selection: s.selection, name: 'N', odds: 2 })),
      stake: request.stake,
      currency: request.currency,
      combined_odds: 2,
      potential_return: request.stake * 2,
      profit: request.stake,
      expires_at: '2026-01-01T19:10:00.000Z',
    };
  }
}

class ExclusionList extends SelfExclusionReader {
  readonly excluded = new Set<string>();

  async selfExclusion(userId: string): Promise<SelfExclusion> {
    return { excluded: this.excluded.has(userId), until: this.excluded.has(userId) ? '2030-01-01T00:00:00.000Z' : null };
  }
}

const CONTEXT: ToolContext = { sessionId: 's1', language: 'en', timeZone: 'UTC' };

describe('propose_bet and self-exclusion in the chat tools', () => {
  let moduleRef: TestingModule;
  let tools: BettingToolsService;
  let proposer: RecordingProposer;
  let exclusions: ExclusionList;

  const call = async (name: string, args: Record<string, unknown>, context: Partial<ToolContext> = {}) => {
    const output: unknown = await tools.get(name)!.invoke(args, toolRunConfig({ ...CONTEXT, ...context }));
    return JSON.parse(String(output)) as Record<string, any>;
  };

  beforeAll(async () => {
    proposer = new RecordingProposer();
    exclusions = new ExclusionList();
    moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot({ isGlobal: true, load: ALL_CONFIGS }), RedisModule, AppCacheModule, SportsDataModule],
      providers: [
        BettingToolsService,
        { provide: BalanceReader, useClass: UnavailableBalanceReader },
        { provide: BetProposer, useValue: proposer },
        { provide: SelfExclusionReader, useValue: exclusions },
      ],
    }).compile();
    tools = moduleRef.get(BettingToolsService);
  });
  afterAll(() => moduleRef.close());

  it('offers no tool that places a bet', () => {
    expect(tools.tools.map((t) => t.name).filter((name) => /place|confirm/.test(name))).toEqual([]);
    expect(tools.get('propose_bet')?.description).toMatch(/does NOT place the bet/);
  });

  it('asks an anonymous user to log in and proposes nothing', async () => {
    const result = await call('propose_bet', { selections: [{ selection: 'Barcelona' }], stake: 10 });
    expect(result).toMatchObject({ loginRequired: true, needs_confirmation: false });
    expect(proposer.calls).toEqual([]);
  });

  it("proposes the priced selection for the turn's verified user, whatever the arguments claim", async () => {
    const barcelona = await moduleRef.get(SportsDataService).resolveTeam('Barcelona');
    const next = (await moduleRef.get(SportsDataService).getFixtures({ teamId: barcelona.id, limit: 1 })).data[0];
    const result = await call('propose_bet', { selections: [{ selection: 'Barça' }], stake: 10.004, user_id: 'victim' }, { userId: 'acct_demo' });
    expect(proposer.calls).toEqual([
      {
        userId: 'acct_demo',
        request: { stake: 10, currency: 'EUR', selections: [{ matchId: next.id, market: '1x2', selection: next.home.id === barcelona.id ? 'home' : 'away' }] },
      },
    ]);
    expect(result).toMatchObject({ proposal_id: 'prop_1', needs_confirmation: true, how_to_confirm: expect.stringContaining('/api/v1/bets/proposals/prop_1/confirm') });
  });

  it('gives a self-excluded user a SELF_EXCLUDED result with help instead of suggestions', async () => {
    exclusions.excluded.add('acct_excluded');
    const excluded = await call('recommend_bets', { risk: 'safest' }, { userId: 'acct_excluded', language: 'es' });
    expect(excluded).toMatchObject({ error: 'SELF_EXCLUDED', selections: [], until: '2030-01-01T00:00:00.000Z' });
    expect(excluded.message).toMatch(/autoexcluida del juego hasta el 2030-01-01[\s\S]*jugarbien\.es/);
    const other = await call('recommend_bets', { risk: 'safest' }, { userId: 'acct_other' });
    expect(other.error).toBeUndefined();
    expect(other.responsibleGambling).toMatch(/Bet responsibly/);
  });
});
