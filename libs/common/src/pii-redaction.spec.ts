import fc from 'fast-check';
import { containsPii, luhnValid, redactPii } from './pii-redaction.js';

const SEED = 20260512;

/** Appends the Luhn check digit to `body`. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${body}${d}`)) return `${body}${d}`;
  throw new Error('unreachable');
}

/** Changes the last digit so the number fails the Luhn check. */
function breakLuhn(number: string): string {
  const last = Number(number.at(-1));
  return `${number.slice(0, -1)}${(last + 1) % 10}`;
}

describe('redactPii', () => {
  describe('e-mail addresses', () => {
    it.each([
      ['write to john.doe@example.com please', 'write to [email] please'],
      ['mail me at john.doe+bets@example.co.uk.', 'mail me at [email].'],
      ['MAYUS@EJEMPLO.ES y otro_1@sub.dominio.com.mx', '[email] y [email]'],
      ['<a@b.io>', '<[email]>'],
    ])('replaces the address in %j', (input, expected) => {
      expect(redactPii(input)).toBe(expected);
    });

    it.each(['a@b', '@handle', 'odds @ 2.50', 'meet @ 20:45', 'user@localhost'])('leaves %j alone (not an address)', (input) => {
      expect(redactPii(input)).toBe(input);
    });
  });

  describe('card numbers', () => {
    it.each([
      ['card 4111 1111 1111 1111 please', 'card [card] please'],
      ['4111-1111-1111-1111', '[card]'],
      ['4111111111111111', '[card]'],
      ['amex 378282246310005', 'amex [card]'],
      ['amex 3782 822463 10005', 'amex [card]'],
      ['mastercard 5555 5555 5555 4444.', 'mastercard [card].'],
      ['mi tarjeta es 4000-0566-5566-5556, ¿vale?', 'mi tarjeta es [card], ¿vale?'],
      ['19 digits 6011 1111 1111 1111 110', '19 digits [card]'],
      ['bet 50 on 1234 5678 9012 3452', 'bet 50 on [card]'],
    ])('replaces the Luhn-valid number in %j', (input, expected) => {
      expect(redactPii(input)).toBe(expected);
    });

    it('keeps a number of card length that fails the Luhn check', () => {
      expect(redactPii('4111 1111 1111 1112')).toBe('4111 1111 1111 1112');
      expect(redactPii('4111111111111112')).toBe('4111111111111112');
    });

    it('keeps 17-digit fixture ids that are not Luhn-valid, and bare runs outside the card ranges', () => {
      expect(luhnValid('12345678901234567')).toBe(false);
      expect(redactPii('odds for match 12345678901234567')).toBe('odds for match 12345678901234567');
      // Luhn-valid, but a bare run starting with 1, 7, 8, 9 or 0 is an id, not a card.
      const id = withCheckDigit('1790767812345678');
      expect(luhnValid(id)).toBe(true);
      expect(redactPii(`match ${id}`)).toBe(`match ${id}`);
    });

    it('keeps digit runs longer than 19 and shorter than 13', () => {
      const long = withCheckDigit('41111111111111111111');
      expect(redactPii(long)).toBe(long);
      expect(redactPii('411111111111')).toBe('411111111111');
    });

    it('does not join separate numbers into one card', () => {
      expect(redactPii('ids 27907678 27907679 27907680')).toBe('ids 27907678 27907679 27907680');
      expect(redactPii('stakes 10 20 50 100 200 500 1000')).toBe('stakes 10 20 50 100 200 500 1000');
    });
  });

  describe('phone numbers', () => {
    it.each([
      ['+34 612 345 678', '[phone]'],
      ['call +1 (555) 123-4567 now', 'call [phone] now'],
      ['+447911123456', '[phone]'],
      ['+44 20 7946 0958', '[phone]'],
      ['(555) 123-4567', '[phone]'],
      ['555-123-4567', '[phone]'],
      ['555.123.4567', '[phone]'],
      ['020 7946 0958', '[phone]'],
      ['06 12 34 56 78', '[phone]'],
      ['07911123456', '[phone]'],
      ['mi móvil 612 345 678', 'mi móvil [phone]'],
      ['912 34 56 78', '[phone]'],
      ['my number is 612345678', 'my number is [phone]'],
      ['llámame al 612345678', 'llámame al [phone]'],
      ['teléfono: 91 234 56 78', 'teléfono: [phone]'],
      ['WhatsApp 3001234567', 'WhatsApp [phone]'],
      ['phone no. 5551234', 'phone no. [phone]'],
    ])('replaces the number in %j', (input, expected) => {
      expect(redactPii(input)).toBe(expected);
    });

    it.each([
      'phone 12345',
      'call me when Barcelona play on 2026-05-12',
      'my number is 7',
      'tel 2-1',
    ])('leaves %j alone (too short or not a number)', (input) => {
      expect(redactPii(input)).toBe(input);
    });
  });

  describe('betting text it must not touch', () => {
    it.each([
      'Odds 2.50 3.40 2.90 for Barcelona vs Real Madrid',
      'at 1.85 2.05',
      '+0.5 1.95 1.85',
      '+1.5 2.10 3.40',
      'handicap -1.5 at 2.10',
      'The score was 2-1, then 3-0 and 0-0',
      'final 102-99 in the NBA',
      'on 2026-05-12 at 20:45',
      '12/05/2026 20:45',
      '05-12-2026 20:45',
      'el 12.05.2026 a las 21:00',
      'I was born 12/05/1990',
      '€50 on Chelsea',
      'How much would I win with €1,000.50?',
      '50€ al empate',
      'apuesto 1 000 000 €',
      'stake 600 000 000 euros',
      '700 300 200 €',
      '800.000.000 de euros',
      '$250 on the Lakers -3.5',
      'match id 27907678',
      'fixtures 27900311 and 27900312',
      'message 3f0c2a1e-9b7d-4c1e-8a55-1d2e3f4a5b6c',
      'session s_Ab12-Cd34_ef56',
      'Top 10 bets for 2026',
      'accumulator of 4 legs at 12.75',
      'over 2.5 goals, under 225.5 points',
      'Barcelona 2 Real Madrid 1',
      'kick-off 20:00 CET, 19:00 UTC',
      'probability 45.5% implied 0.4545',
      '',
    ])('keeps %j as it is', (input) => {
      expect(redactPii(input)).toBe(input);
      expect(containsPii(input)).toBe(false);
    });
  });

  it('redacts several kinds in one text and keeps the rest', () => {
    expect(redactPii('I am ana@mail.com, card 4111 1111 1111 1111, phone +34 612 345 678; €50 on Barça at 2.10 (2-1 last time)')).toBe(
      'I am [email], card [card], phone [phone]; €50 on Barça at 2.10 (2-1 last time)',
    );
  });

  it('leaves non-string input as it is', () => {
    expect(redactPii(undefined as unknown as string)).toBeUndefined();
  });

  describe('properties', () => {
    const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: min, maxLength: max });
    const runs = { seed: SEED, numRuns: 300 };

    it('is idempotent', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 200 }), (text) => redactPii(redactPii(text)) === redactPii(text)),
        runs,
      );
    });

    it('always redacts a Luhn-valid card number printed in 4-4-4-4 groups, inside any sentence', () => {
      fc.assert(
        fc.property(digits(15, 15), fc.constantFrom(' ', '-'), fc.constantFrom('my card is ', 'tarjeta: ', '(', ''), (body, sep, before) => {
          const card = withCheckDigit(`4${body.slice(1)}`);
          const printed = card.match(/.{4}/g)!.join(sep);
          return redactPii(`${before}${printed} thanks`) === `${before}[card] thanks`;
        }),
        runs,
      );
    });

    it('never redacts a card-length run that fails the Luhn check', () => {
      fc.assert(
        fc.property(digits(13, 19), (run) => {
          const number = luhnValid(run) ? breakLuhn(run) : run;
          return redactPii(`id ${number}`) === `id ${number}`;
        }),
        runs,
      );
    });

    it('always redacts an e-mail address', () => {
      const label = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split('')), minLength: 1, maxLength: 12 });
      fc.assert(
        fc.property(label, label, fc.constantFrom('com', 'es', 'co.uk', 'io'), (user, domain, tld) => redactPii(`contact ${user}@${domain}.${tld} now`) === 'contact [email] now'),
        runs,
      );
    });

    it('never touches odds, scores, times, dates and amounts', () => {
      const odds = fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`);
      const score = fc.tuple(fc.nat(150), fc.nat(150)).map(([a, b]) => `${a}-${b}`);
      const time = fc.tuple(fc.nat(23), fc.nat(59)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
      const date = fc.date({ min: new Date('1950-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      const amount = fc.tuple(fc.constantFrom('€', '$', '£'), fc.integer({ min: 1, max: 1_000_000 })).map(([c, n]) => `${c}${n}`);
      const token = fc.oneof(odds, score, time, date, amount, fc.constantFrom('Barcelona', 'vs', 'at', 'on', 'the', 'odds', 'el', 'empate'));
      fc.assert(
        fc.property(fc.array(token, { minLength: 1, maxLength: 12 }), fc.constantFrom(' ', ', ', ' / '), (tokens, sep) => {
          const text = tokens.join(sep);
          return redactPii(text) === text;
        }),
        { seed: SEED, numRuns: 1000 },
      );
    });
  });
});
