import { z } from 'zod';

/**
 * Imported first by main.tsx, before any module builds a schema. Zod 4 compiles object parsers with
 * `new Function` when it may, and probes for that once per object schema at construction; under the
 * renderer's CSP (no 'unsafe-eval') the probe fails harmlessly but is still reported as a
 * securitypolicyviolation. jitless skips both the probe and the compiled fast path.
 */
z.config({ jitless: true });
