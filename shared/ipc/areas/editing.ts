import type { z } from 'zod';

/**
 * Channels and events of the editing area. Add each channel here with zod `input`/`output`, and its name to
 * `editingChannelNames` in ./editing.names.ts (the preload's allow-list reads only the names).
 */
export const editingChannels = {} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const editingEvents = {} as const satisfies Record<string, z.ZodType>;
