import type { z } from 'zod';

/**
 * Channels and events of the uploads area. Add each channel here with zod `input`/`output`, and its name to
 * `uploadsChannelNames` in ./uploads.names.ts (the preload's allow-list reads only the names).
 */
export const uploadsChannels = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const uploadsEvents = {} as const satisfies Record<string, z.ZodType>;
