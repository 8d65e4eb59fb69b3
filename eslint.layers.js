/**
 * The project's layers for eslint-plugin-boundaries: every file belongs to the first element whose
 * folder pattern matches its path from the repo root. Imports inside one element are not checked;
 * an import between elements must pass `layerPolicies` (the last policy that matches decides).
 */
export const layerElements = [
  // Each feature folder is its own element, so one feature importing another is a cross-element import.
  { type: 'feature', pattern: 'renderer/src/features/*', capture: ['feature'], partialMatch: false },
  { type: 'renderer-ui', pattern: 'renderer/src/ui', partialMatch: false },
  { type: 'renderer-api', pattern: 'renderer/src/api', partialMatch: false },
  { type: 'renderer-test', pattern: 'renderer/test', partialMatch: false },
  { type: 'renderer', pattern: 'renderer', partialMatch: false },
  { type: 'shared', pattern: 'shared', partialMatch: false },
  { type: 'emulator', pattern: 'emulator', partialMatch: false },
  { type: 'electron', pattern: 'electron', partialMatch: false },
  { type: 'tooling', pattern: '{e2e,bench,security,scripts}', partialMatch: false },
];

const RENDERER_TYPES = ['feature', 'renderer-ui', 'renderer-api', 'renderer-test', 'renderer'];
const ALL_TYPES = layerElements.map((e) => e.type);
const to = (types) => ({ to: { element: { type: types } } });
const from = (types) => ({ element: { type: types } });

export const layerPolicies = [
  {
    from: from(RENDERER_TYPES.filter((t) => t !== 'renderer-test')),
    disallow: to(['electron', 'emulator']),
    message: 'The renderer runs in the page: it reaches the main side only through renderer/src/api/ and the shared contract, never electron/ or emulator/ code.',
  },
  {
    // Component tests may drive the emulator's pure parsers to reproduce its exact answers, never Electron.
    from: from('renderer-test'),
    disallow: to('electron'),
    message: 'Renderer tests run in jsdom: they use the shared contract, not electron/ code.',
  },
  {
    // The router runs on the main side; the page only speaks the contract (contract, wire, result, describe-issues).
    from: from(RENDERER_TYPES.filter((t) => t !== 'renderer-test')),
    disallow: { to: { element: { type: 'shared' }, file: { path: ['shared/ipc/router.ts', 'shared/ipc/index.ts'] } } },
    message: 'The router is main-side code: the renderer imports the contract pieces it needs (e.g. shared/ipc/describe-issues), not shared/ipc/router or its index.',
  },
  {
    from: from('emulator'),
    disallow: to('electron'),
    message: 'The emulator is a standalone ImageKit-compatible server: it may use shared/, never electron/.',
  },
  {
    from: from('shared'),
    disallow: to(ALL_TYPES.filter((t) => t !== 'shared')),
    message: 'shared/ is the pure base every side builds on: it imports only shared/.',
  },
  {
    from: from('feature'),
    disallow: to('feature'),
    message: 'Features do not import each other ({{from.captured.feature}} → {{to.captured.feature}}): share through renderer/src/ui/ or renderer/src/api/.',
  },
  {
    from: from('renderer-ui'),
    disallow: to(['feature', 'renderer']),
    message: 'renderer/src/ui/ is shared by every feature: it cannot depend on a feature or on the app that composes them.',
  },
  {
    from: from('renderer-api'),
    disallow: to(['feature', 'renderer-ui', 'renderer']),
    message: 'renderer/src/api/ is the bridge to the main side: it knows nothing of the views above it.',
  },
];
