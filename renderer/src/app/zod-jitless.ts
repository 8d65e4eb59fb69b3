import { config } from 'zod/v4';

/**
 * What `zod` means in the renderer build (vite.config.ts aliases the bare specifier here): zod itself,
 * configured before any schema module that imports it is evaluated. Zod 4 compiles object parsers
 * with `new Function` when it may, and probes for that once per object schema at construction; under
 * the renderer's CSP (no 'unsafe-eval') the probe fails harmlessly but is still reported as a
 * securitypolicyviolation. jitless skips both the probe and the compiled fast path.
 *
 * Being the alias rather than an import in main.tsx, it loads only with the first module that needs
 * zod (the upload options, profile form, dialogs…), which the first screen does not.
 */
config({ jitless: true });

export * from 'zod/v4';
export { default } from 'zod/v4';
