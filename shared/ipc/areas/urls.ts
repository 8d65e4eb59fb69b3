import type { z } from 'zod';

/**
 * Channels and events of the urls area. Add each channel here with zod `input`/`output`, and its name to
 * `urlsChannelNames` in ./urls.names.ts (the preload's allow-list reads only the names).
 */
export const urlsChannels = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const urlsEvents = {} as const satisfies Record<string, z.ZodType>;
