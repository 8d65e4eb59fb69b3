import { z } from 'zod';

/** Channels that take no input accept `undefined` (or `null`, which JSON may turn it into). */
export const NoInput = z.union([z.undefined(), z.null()]).transform(() => undefined);

/** Which profile a feature call acts on; omitted means the active profile. */
export const ProfileScope = z.object({ profileId: z.string().min(1).optional() });
