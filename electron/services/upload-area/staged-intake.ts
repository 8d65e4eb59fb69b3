import type { Readable } from 'node:stream';

/**
 * Where a host that receives file bytes outside the contract (the web host's `PUT /uploads/stage`) hands them:
 * the uploads area streams them into the staged file and starts the item waiting for them. Rejects with an
 * AppError (NOT_FOUND: not open or cancelled; CONFLICT: already receiving; BAD_INPUT, or OversizeError for bytes
 * beyond the announced size).
 */
export interface StagedIntake {
  receive(target: { profileId?: string; stagedId: string }, body: Readable): Promise<{ size: number }>;
}
