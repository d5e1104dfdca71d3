import { BadRequestException, Logger } from '@nestjs/common';
import { IsNumber } from 'class-validator';
import { SafeValidationPipe } from './safe-validation.pipe.js';

class StakeDto {
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  stake!: number;
}

describe('SafeValidationPipe', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));
  const pipe = new SafeValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });
  const metadata = { type: 'body' as const, metatype: StakeDto };

  it('validates as ValidationPipe does', async () => {
    await expect(pipe.transform({ stake: 10.5 }, metadata)).resolves.toEqual({ stake: 10.5 });
    await expect(pipe.transform({ stake: 10.555 }, metadata)).rejects.toBeInstanceOf(BadRequestException);
    await expect(pipe.transform({ stake: 1, extra: true }, metadata)).rejects.toBeInstanceOf(BadRequestException);
  });

  it('answers 400, not 500, when a validator throws on a number in exponent form', async () => {
    for (const stake of [1e-7, -7e-323, 5e-324]) {
      const failure = await pipe.transform({ stake }, metadata).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BadRequestException);
      expect((failure as BadRequestException).getResponse()).toMatchObject({ message: ['the request body holds a value that could not be validated'] });
    }
  });
});
