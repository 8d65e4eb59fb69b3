import type { z } from 'zod';

/**
 * Channels and events of the library area. Add each channel here with zod `input`/`output`, and its name to
 * `libraryChannelNames` in ./library.names.ts (the preload's allow-list reads only the names).
 */
export const libraryChannels = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const libraryEvents = {} as const satisfies Record<string, z.ZodType>;
