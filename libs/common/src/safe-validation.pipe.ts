import { type ArgumentMetadata, BadRequestException, HttpException, Logger, ValidationPipe } from '@nestjs/common';

/**
 * `ValidationPipe` that answers 400 when a validator or a transform itself throws on an odd value,
 * instead of letting the exception become a 500. Example: class-validator's `IsNumber` with
 * `maxDecimalPlaces` throws a TypeError for numbers written in exponent form (`1e-7`, `5e-324`),
 * because it looks for a decimal point in `String(value)`.
 */
export class SafeValidationPipe extends ValidationPipe {
  private readonly logger = new Logger(SafeValidationPipe.name);

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return (await super.transform(value, metadata)) as unknown;
    } catch (error) {
      if (error instanceof HttpException) throw error;
      this.logger.warn({ msg: 'A validator failed on a request value; answered 400', param: metadata.data ?? metadata.type, err: error instanceof Error ? error.message : String(error) });
      throw new BadRequestException([`${metadata.data ?? `the request ${metadata.type}`} holds a value that could not be validated`]);
    }
  }
}
