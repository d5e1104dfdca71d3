import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, Max, Min, type ValidationArguments } from 'class-validator';

// Each decorator reports the variable, the allowed values and what was given, so a failed
// start-up tells the operator exactly what to change.
const got = (args: ValidationArguments): string => `got "${String(args.value)}"`;

/** An integer environment variable within [min, max]. */
export function EnvInt(min: number, max: number): PropertyDecorator {
  return (target, key) => {
    const property = String(key);
    const message = (args: ValidationArguments) => `${property} must be an integer from ${min} to ${max} (${got(args)})`;
    IsInt({ message })(target, property);
    Min(min, { message })(target, property);
    Max(max, { message })(target, property);
    Transform(({ value }) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value))(target, property);
  };
}

/** A decimal environment variable within [min, max]. */
export function EnvNumber(min: number, max: number): PropertyDecorator {
  return (target, key) => {
    const property = String(key);
    const message = (args: ValidationArguments) => `${property} must be a number from ${min} to ${max} (${got(args)})`;
    IsNumber({ allowNaN: false, allowInfinity: false }, { message })(target, property);
    Min(min, { message })(target, property);
    Max(max, { message })(target, property);
    Transform(({ value }) => (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value))(target, property);
  };
}

/** One of a fixed set of values; matching ignores case and the stored value is the canonical spelling. */
export function EnvEnum(values: readonly string[]): PropertyDecorator {
  return (target, key) => {
    const property = String(key);
    const message = (args: ValidationArguments) => `${property} must be one of ${values.join(', ')} (${got(args)})`;
    IsIn([...values], { message })(target, property);
    Transform(({ value }) => {
      if (typeof value !== 'string') return value;
      return values.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase()) ?? value;
    })(target, property);
  };
}

/** true/false, also 1/0, yes/no, on/off. */
export function EnvBoolean(): PropertyDecorator {
  return (target, key) => {
    const property = String(key);
    const message = (args: ValidationArguments) => `${property} must be true or false (${got(args)})`;
    IsBoolean({ message })(target, property);
    Transform(({ value }) => {
      if (typeof value !== 'string') return value;
      const normalised = value.trim().toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(normalised)) return true;
      if (['false', '0', 'no', 'off'].includes(normalised)) return false;
      return value;
    })(target, property);
  };
}

/** Splits a comma-separated list, dropping blanks. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
