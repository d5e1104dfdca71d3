import { Injectable } from '@nestjs/common';
import { Clock, SportsDataProvider, SportsDataService, type Fixture } from '@app/sports-data';

/**
 * A fixture's current status and score, read as cheaply as that allows. The cached fixture is
 * enough until kick-off, but the fixtures cache lives for hours, far too long to notice a match
 * going live or ending, so from its start time on the fixture is read from the provider itself.
 * Only fixtures around or in play pay for that uncached read.
 */
@Injectable()
export class FixtureStateReader {
  constructor(
    private readonly sportsData: SportsDataService,
    private readonly provider: SportsDataProvider,
    private readonly clock: Clock,
  ) {}

  /** `known` is the fixture as last seen, when there is one. */
  async current(fixtureId: string, known?: Fixture): Promise<Fixture> {
    const base = known ?? (await this.sportsData.getFixture(fixtureId)).data;
    return this.mayHaveMoved(base) ? this.provider.getFixture(fixtureId) : base;
  }

  private mayHaveMoved(fixture: Fixture): boolean {
    if (fixture.status === 'live') return true;
    return fixture.status === 'pre_match' && Date.parse(fixture.startTime) <= this.clock.now().getTime();
  }
}
