import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches, ValidateIf } from 'class-validator';
import type { LoginCredentials } from '@app/accounts';
import { InvalidLoginRequestError } from '../auth.errors.js';

// ChatBet clients may send ids and keys as JSON numbers.
const asString = ({ value }: { value: unknown }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : value);
/** Leaves out only an absent field: `null` is validated (and refused) like any other value that is not a string. */
const Optional = () => ValidateIf((_object: unknown, value: unknown) => value !== undefined);


/** `{username, password}` (demo users) or `{user_id, user_key}` (ChatBet users). */
export class LoginDto {
  @ApiPropertyOptional({ description: 'Demo user (embedded provider)', example: 'demo' })
  @Optional() @IsString({ message: 'username must be a string' }) @Matches(/^[A-Za-z0-9_.-]{1,64}$/, { message: 'username must be 1-64 characters of A-Z, a-z, 0-9, _, . or -' })
  username?: string;

  @ApiPropertyOptional({ example: 'demo1234', maxLength: 128 })
  @Optional() @IsString({ message: 'password must be a string' }) @Length(1, 128, { message: 'password must be 1-128 characters' })
  password?: string;

  @ApiPropertyOptional({ description: 'ChatBet user id (ChatBet provider)', example: '1' })
  @Optional() @Transform(asString) @IsString({ message: 'user_id must be a string' }) @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'user_id must be 1-40 characters of A-Z, a-z, 0-9, _ or -' })
  user_id?: string;

  @ApiPropertyOptional({ description: 'ChatBet user key', example: '1', maxLength: 256 })
  @Optional() @Transform(asString) @IsString({ message: 'user_key must be a string' }) @Length(1, 256, { message: 'user_key must be 1-256 characters' })
  user_key?: string;
}

export function credentialsOf(body: LoginDto): LoginCredentials {
  const password = body.username !== undefined || body.password !== undefined;
  const chatbet = body.user_id !== undefined || body.user_key !== undefined;
  if (password && !chatbet && body.username !== undefined && body.password !== undefined) {
    return { kind: 'password', username: body.username, password: body.password };
  }
  if (chatbet && !password && body.user_id !== undefined && body.user_key !== undefined) {
    return { kind: 'chatbet', userId: body.user_id, userKey: body.user_key };
  }
  throw new InvalidLoginRequestError();
}
