import {
  detectLanguage,
  extractNumbers,
  localParts,
  mentionsDay,
  mentionsName,
  mentionsTime,
  mentionsZone,
  promisesCertainty,
  quotesAmount,
  quotesPrice,
  saysHowManyMore,
  sentences,
  sideNearest,
  startOfLocalDay,
  zoneOffsetMinutes,
} from './text-match.js';

describe('extractNumbers', () => {
  it('reads decimal points and decimal commas alike', () => {
    expect(extractNumbers('odds 2.15 or 2,15')).toEqual([2.15, 2.15]);
  });

  it('reads currency amounts written either side of the symbol', () => {
    expect(extractNumbers('€43.00 and 43,00 €')).toEqual([43, 43]);
  });

  it('reads thousands separators in both conventions', () => {
    expect(extractNumbers('1,234.50 or 1.234,50')).toEqual([1234.5, 1234.5]);
    expect(extractNumbers('1,234,567')).toEqual([1234567]);
  });

  it('keeps both readings of a lone separator before three digits', () => {
    expect(extractNumbers('1,234')).toEqual([1.234, 1234]);
  });

  it('reads integers and ignores words', () => {
    expect(extractNumbers('a stake of 20 euros on 3 legs')).toEqual([20, 3]);
  });
});

describe('quotesPrice and quotesAmount', () => {
  it('matches a price at two decimals, "2.1" being 2.10', () => {
    expect(quotesPrice('Barcelona @ 2.1', 2.1)).toBe(true);
    expect(quotesPrice('Barcelona @ 2,10', 2.1)).toBe(true);
    expect(quotesPrice('Barcelona @ 2.11', 2.1)).toBe(false);
  });

  it('matches an amount within a cent and no further', () => {
    expect(quotesAmount('you would get back 43,01 €', 43)).toBe(true);
    expect(quotesAmount('you would get back €43.02', 43)).toBe(false);
  });
});

describe('mentionsName', () => {
  it('ignores case, accents and punctuation', () => {
    expect(mentionsName('el ATLÉTICO juega el sábado', ['Atletico'])).toBe(true);
    expect(mentionsName('Barça at home', ['Barca'])).toBe(true);
  });

  it('needs whole words', () => {
    expect(mentionsName('Interesting odds', ['Inter'])).toBe(false);
  });

  it("does not take a rival's longer name for a team's short alias", () => {
    expect(mentionsName('Atletico Madrid are favourites', ['Real Madrid', 'Madrid'], ['Atletico Madrid'])).toBe(false);
    expect(mentionsName('Atletico Madrid v Real Madrid', ['Real Madrid', 'Madrid'], ['Atletico Madrid'])).toBe(true);
  });
});

describe('sideNearest', () => {
  const sides = [['Real Madrid', 'Madrid'], ['Atletico Madrid', 'Atleti']];
  const favourite = /\bfavourites?\b/;

  it('picks the side named closest to the anchor word, before or after it', () => {
    expect(sideNearest('Real Madrid are favourites against Atletico Madrid', sides, favourite)).toBe(0);
    expect(sideNearest('Against Real Madrid, Atleti are the favourites', sides, favourite)).toBe(1);
  });

  it("does not count a name inside another side's longer name", () => {
    expect(sideNearest('Atletico Madrid are favourites', sides, favourite)).toBe(1);
  });

  it('is undefined without the anchor word or a side', () => {
    expect(sideNearest('Real Madrid 2.20, Atletico Madrid 3.30', sides, favourite)).toBeUndefined();
    expect(sideNearest('The favourites are unclear', sides, favourite)).toBeUndefined();
  });
});

describe('sentences', () => {
  it('does not split at a decimal point', () => {
    expect(sentences('Arsenal are 1.85. Chelsea 4.20! Draw?')).toEqual(['Arsenal are 1.85.', 'Chelsea 4.20!', 'Draw?']);
  });
});

describe('mentionsDay', () => {
  // Saturday 12 December 2026.
  const saturday = { year: 2026, month: 12, day: 12, weekday: 6 };
  const friday = { year: 2026, month: 12, day: 11, weekday: 5 };

  it('finds the day next to its month or weekday in English and Spanish', () => {
    expect(mentionsDay('Saturday 12 December at 21:00', saturday)).toBe(true);
    expect(mentionsDay('Dec 12th', saturday)).toBe(true);
    expect(mentionsDay('el sábado 12 de diciembre', saturday)).toBe(true);
    expect(mentionsDay('sáb, 12 dic, 21:00', saturday)).toBe(true);
  });

  it('accepts numeric dates', () => {
    expect(mentionsDay('on 12/12', saturday)).toBe(true);
    expect(mentionsDay('on 2026-12-12', saturday)).toBe(true);
  });

  it('refuses the day with another month or weekday, or a bare number', () => {
    expect(mentionsDay('Sunday 12 November', saturday)).toBe(false);
    expect(mentionsDay('kick-off at 12', saturday)).toBe(false);
    expect(mentionsDay('Saturday 13 December', saturday)).toBe(false);
  });

  it('accepts "tomorrow" only for the day after today', () => {
    expect(mentionsDay('tomorrow at 21:00', saturday, friday)).toBe(true);
    expect(mentionsDay('mañana a las 21:00', saturday, friday)).toBe(true);
    expect(mentionsDay('tomorrow at 21:00', saturday, saturday)).toBe(false);
    expect(mentionsDay('tonight at 21:00', saturday, saturday)).toBe(true);
  });
});

describe('mentionsTime', () => {
  it('finds 24-hour and 12-hour forms', () => {
    expect(mentionsTime('kick-off 21:00', 21, 0)).toBe(true);
    expect(mentionsTime('a las 21h00', 21, 0)).toBe(true);
    expect(mentionsTime('tip-off 9:30 pm', 21, 30)).toBe(true);
    expect(mentionsTime('tip-off 9pm', 21, 0)).toBe(true);
    expect(mentionsTime('at 07:05', 7, 5)).toBe(true);
  });

  it('refuses another time', () => {
    expect(mentionsTime('kick-off 20:00', 21, 0)).toBe(false);
    expect(mentionsTime('kick-off 121:00', 21, 0)).toBe(false);
    expect(mentionsTime('9:30 am', 21, 30)).toBe(false);
  });
});

describe('mentionsZone', () => {
  const winter = new Date('2026-12-12T20:00:00Z');

  it('accepts the IANA id, the abbreviation, the offset and the city with a word for time', () => {
    expect(mentionsZone('(Times in Europe/Madrid.)', 'Europe/Madrid', winter)).toBe(true);
    expect(mentionsZone('21:00 CET', 'Europe/Madrid', winter)).toBe(true);
    expect(mentionsZone('21:00 (UTC+1)', 'Europe/Madrid', winter)).toBe(true);
    expect(mentionsZone('21:00 hora de Madrid', 'Europe/Madrid', winter)).toBe(true);
    expect(mentionsZone('3:00 pm Eastern Time', 'America/New_York', winter)).toBe(true);
    expect(mentionsZone('15:00 EST', 'America/New_York', winter)).toBe(true);
  });

  it('refuses another zone or a city without a word for time', () => {
    expect(mentionsZone('21:00 UTC', 'Europe/Madrid', winter)).toBe(false);
    expect(mentionsZone('Real Madrid play at 21:00', 'Europe/Madrid', winter)).toBe(false);
    expect(mentionsZone('21:00 (UTC+2)', 'Europe/Madrid', winter)).toBe(false);
  });
});

describe('zone arithmetic', () => {
  it('knows the offset of a zone on both sides of a daylight-saving change', () => {
    expect(zoneOffsetMinutes('Europe/Madrid', new Date('2026-01-15T12:00:00Z'))).toBe(60);
    expect(zoneOffsetMinutes('Europe/Madrid', new Date('2026-07-15T12:00:00Z'))).toBe(120);
    expect(zoneOffsetMinutes('America/Bogota', new Date('2026-07-15T12:00:00Z'))).toBe(-300);
  });

  it('gives the local day and time of an instant', () => {
    expect(localParts(new Date('2026-12-12T00:30:00Z'), 'America/New_York')).toEqual({ year: 2026, month: 12, day: 11, weekday: 5, hours: 19, minutes: 30 });
  });

  it('finds the instant a local day starts, also on a daylight-saving day', () => {
    expect(startOfLocalDay(2026, 12, 12, 'Europe/Madrid').toISOString()).toBe('2026-12-11T23:00:00.000Z');
    expect(startOfLocalDay(2026, 3, 29, 'Europe/Madrid').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfLocalDay(2026, 3, 30, 'Europe/Madrid').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfLocalDay(2026, 12, 32, 'UTC').toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('detectLanguage', () => {
  it('tells English from Spanish by function words', () => {
    expect(detectLanguage('Barcelona play Real Madrid on Saturday; the odds are 2.10')).toBe('en');
    expect(detectLanguage('El Barcelona juega contra el Real Madrid el sábado')).toBe('es');
  });

  it('does not count the Spanish words of capitalised team names', () => {
    expect(detectLanguage('Upcoming matches: Los Angeles Lakers vs San Antonio Spurs, Atlético de Madrid v Osasuna (Times in Europe/Madrid.)')).toBe('en');
  });
});

describe('promisesCertainty', () => {
  it('flags promises in English and Spanish', () => {
    expect(promisesCertainty('This one is guaranteed to win.')).toBe(true);
    expect(promisesCertainty('A sure win: Barcelona.')).toBe(true);
    expect(promisesCertainty('Esta apuesta es garantizada.')).toBe(true);
    expect(promisesCertainty('Una apuesta segura: el Madrid.')).toBe(true);
    expect(promisesCertainty("You can't lose with this one.")).toBe(true);
  });

  it('accepts disclaimers that negate the promise', () => {
    expect(promisesCertainty('No bet is guaranteed to win. Barcelona are favourites at 1.80.')).toBe(false);
    expect(promisesCertainty("I can't guarantee any result.")).toBe(false);
    expect(promisesCertainty('Ninguna apuesta es segura ni está garantizada.')).toBe(false);
  });
});

describe('saysHowManyMore', () => {
  it('finds a count of further items', () => {
    expect(saysHowManyMore('…and 14 more matches. Say "more" to see them.')).toBe(true);
    expect(saysHowManyMore('Hay 14 partidos más.')).toBe(true);
    expect(saysHowManyMore('y otros 14')).toBe(true);
    expect(saysHowManyMore('Showing 10 of 34 matches.')).toBe(true);
    expect(saysHowManyMore('Mostrando 10 de 34 partidos.')).toBe(true);
  });

  it('needs a number', () => {
    expect(saysHowManyMore('There are more matches.')).toBe(false);
    expect(saysHowManyMore('Hay más partidos.')).toBe(false);
  });
});
