import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsTimeZone, Length, Matches, Max, MaxLength, Min } from 'class-validator';

export const SAFE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const idMessage = (field: string) => `${field} must be 1-64 characters of A-Z, a-z, 0-9, _ or -`;
// The configured limit (MAX_MESSAGE_LENGTH, default 2000) is enforced by ChatService; this bound
// only keeps absurd bodies out of validation.
const HARD_MESSAGE_LIMIT = 100_000;

export class SendMessageDto {
  @ApiProperty({ description: "The user's message, 1-2000 characters (MAX_MESSAGE_LENGTH)", example: 'When does Barcelona play next?' })
  @IsString({ message: 'message must be a string' })
  @Length(1, HARD_MESSAGE_LIMIT, { message: 'message must not be empty' })
  @Matches(/\S/, { message: 'message must not be blank' })
  message!: string;

  @ApiPropertyOptional({ description: 'Who is chatting (until login, any stable client-chosen id)', example: 'user_42' })
  @IsOptional() @Matches(SAFE_ID_PATTERN, { message: idMessage('user_id') })
  user_id?: string;

  @ApiPropertyOptional({ description: 'Conversation to continue; a new one is started when omitted', example: 'session_abc' })
  @IsOptional() @Matches(SAFE_ID_PATTERN, { message: idMessage('session_id') })
  session_id?: string;

  @ApiPropertyOptional({ description: 'IANA time zone for dates in questions and answers', example: 'Europe/Madrid' })
  @IsOptional() @IsString() @MaxLength(64) @Matches(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+){0,2}$|^UTC$/, { message: 'time_zone must be an IANA zone such as Europe/Madrid' })
  @IsTimeZone({ message: 'time_zone must be an IANA zone such as Europe/Madrid' })
  time_zone?: string;
}

export class SessionParamDto {
  @ApiProperty({ example: 'session_abc' })
  @Matches(SAFE_ID_PATTERN, { message: idMessage('session_id') })
  session_id!: string;
}

export class UserParamDto {
  @ApiProperty({ example: 'user_42' })
  @Matches(SAFE_ID_PATTERN, { message: idMessage('user_id') })
  user_id!: string;
}

export class HistoryQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'limit must be an integer from 1 to 200' }) @Min(1, { message: 'limit must be an integer from 1 to 200' }) @Max(200, { message: 'limit must be an integer from 1 to 200' })
  limit?: number;

  @ApiPropertyOptional({ description: 'Owner of the session (the user_id it was started with)' })
  @IsOptional() @Matches(SAFE_ID_PATTERN, { message: idMessage('user_id') })
  user_id?: string;
}

export class ConversationsQueryDto {
  @ApiPropertyOptional({ description: 'One session of the user' })
  @IsOptional() @Matches(SAFE_ID_PATTERN, { message: idMessage('session_id') })
  session_id?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'limit must be an integer from 1 to 100' }) @Min(1, { message: 'limit must be an integer from 1 to 100' }) @Max(100, { message: 'limit must be an integer from 1 to 100' })
  limit?: number;
}

export class DeleteConversationsQueryDto {
  @ApiPropertyOptional({ description: 'Delete only this session; all of the user\'s sessions when omitted' })
  @IsOptional() @Matches(SAFE_ID_PATTERN, { message: idMessage('session_id') })
  session_id?: string;
}

export class FeedbackDto {
  @ApiProperty({ example: '3f0c…' })
  @Matches(SAFE_ID_PATTERN, { message: idMessage('message_id') })
  message_id!: string;

  @ApiProperty({ enum: ['helpful', 'not_helpful'] })
  @IsIn(['helpful', 'not_helpful'], { message: 'rating must be helpful or not_helpful' })
  rating!: 'helpful' | 'not_helpful';

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional() @IsString() @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason?: string;

  @ApiPropertyOptional()
  @IsOptional() @Matches(SAFE_ID_PATTERN, { message: idMessage('user_id') })
  user_id?: string;
}
