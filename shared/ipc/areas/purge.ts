import type { z } from 'zod';

/**
 * Channels and events of the purge area. Add each channel here with zod `input`/`output`, and its name to
 * `purgeChannelNames` in ./purge.names.ts (the preload's allow-list reads only the names).
 */
export const purgeChannels = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const purgeEvents = {} as const satisfies Record<string, z.ZodType>;
