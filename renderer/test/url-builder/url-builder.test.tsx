import '@testing-library/jest-dom/vitest';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { createRouter, type Handlers } from '../../../shared/ipc/router';
import type { ApiBridge } from '../../../shared/ipc/wire';
import type { UrlDraft, UrlPreview } from '../../../shared/domain/urls';
import { setBridgeForTests } from '../../src/api/transport';
import { useViewStore } from '../../src/app/view-store';
import { useUrlBuilderStore } from '../../src/features/url-builder/builder-store';
import { createInMemoryHost } from '../support/in-memory-host';
import { renderApp } from '../support/render-app';

/**
 * The builder's wiring against the contract's real router: the urls channels answer with what the
 * main side would say for the draft they receive (the main side itself is tested in electron/test/url-builder
 * against the emulator, and end to end in e2e/url-builder.spec.ts).
 */
const ENDPOINT = 'http://127.0.0.1:40000/local';

interface Scripted {
  bridge: ApiBridge;
  drafts: UrlDraft[];
  checks: string[];
}

function urlFor(draft: UrlDraft): string {
  const tr = (draft.transformation ?? []).map((step) => Object.entries(step).map(([k, v]) => `${k}-${String(v)}`).join(',')).join(':');
  return `${ENDPOINT}${tr ? `/tr:${tr}` : ''}${draft.src}${draft.signed ? '?ik-s=abc' : ''}`;
}

function scriptedHost(answer: (draft: UrlDraft) => Partial<UrlPreview['probe']> | null): Scripted {
  const base = createInMemoryHost();
  const drafts: UrlDraft[] = [];
  const checks: string[] = [];
  const presets: Array<{ id: string; name: string; createdAt: string; options: never }> = [];
  const handlers: Partial<Handlers> = {
    'urls.preview': ({ draft }) => {
      drafts.push(draft as UrlDraft);
      const url = urlFor(draft as UrlDraft);
      const probe = answer(draft as UrlDraft);
      return {
        built: { url, transformation: '', problems: [], approximated: [] },
        originalUrl: `${ENDPOINT}${draft.src}`,
        probe: probe ? { url, status: 200, ok: true, renderMs: 12.3, ...probe } : null,
      };
    },
    'urls.responsive': ({ widths }) => widths.map((width) => ({ width, url: `${ENDPOINT}/tr:w-${width}/a.jpg` })),
    'urls.namedTransformations': () => ({ items: [{ name: 'ik_ml_thumbnail', transformation: 'w-400,h-300,c-at_max', source: 'built-in' }] }),
    'urls.presets.list': () => presets,
    'urls.presets.save': ({ name, options }) => {
      const preset = { id: `p${presets.length + 1}`, name, createdAt: '2026-01-01T00:00:00.000Z', options: options as never };
      presets.push(preset);
      return preset;
    },
    'urls.parse': ({ url }) => ({
      draft: { src: '/pasted.jpg', transformation: [{ height: '120' }, { grayscale: true }], transformationPosition: 'path', queryParameters: { v: '3' }, signed: false },
      underEndpoint: true,
      expired: false,
      warnings: [],
      rebuiltUrl: url,
      exact: true,
    }),
    'urls.checkSigned': ({ url }) => {
      checks.push(url);
      return { url, outcome: 'served', status: 200, message: 'Served (HTTP 200). It does not expire.' };
    },
  };
  const router = createRouter(handlers, { validateOutput: true, log: (m) => { throw new Error(m); } });
  return {
    drafts,
    checks,
    bridge: {
      invoke: async (channel, input) =>
        channel.startsWith('urls.') ? structuredClone(await router.dispatch(channel, structuredClone(input), { transport: 'test' })) : base.bridge.invoke(channel, input),
      on: base.bridge.on,
    },
  };
}

/** Types a whole value at once (a paste), so the suite does not re-render the builder per keystroke. */
async function fill(user: ReturnType<typeof renderApp>['user'], field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

function renderBuilder(host: Scripted) {
  const view = renderApp({ ...createInMemoryHost(), bridge: host.bridge });
  useViewStore.setState({ view: 'url-builder' });
  return view;
}

// The URL builder tab is a lazy chunk: its first import transforms the whole builder module graph,
// 0.8–1.4 s on this 2-core machine under load, longer than findBy's 1 s default. Pay that here, once,
// so the first test measures the builder, not the module transform.
beforeAll(async () => {
  await import('../../src/features/url-builder/UrlBuilder');
}, 60_000);

beforeEach(() => {
  useUrlBuilderStore.getState().reset();
});

afterEach(() => {
  cleanup();
  setBridgeForTests(undefined);
  useViewStore.setState({ view: 'library' });
});

// Typing re-renders the whole builder per key on a shared 2-core machine: allow more than the default 5 s.
describe('URL builder', { timeout: 30_000 }, () => {
  it('is a tab named "URL builder" whose region composes steps from the catalog and previews them', async () => {
    const host = scriptedHost(() => ({ width: 200, height: 200, bytes: 2048, format: 'webp' }));
    const { user } = renderBuilder(host);
    // The lazy tab still suspends once and then renders the whole builder: allow a loaded machine 10 s for that.
    const builder = await screen.findByRole('region', { name: 'URL builder' }, { timeout: 10_000 });
    expect(screen.getByRole('tab', { name: 'URL builder' })).toHaveAttribute('aria-selected', 'true');

    await fill(user, within(builder).getByRole('textbox', { name: 'Path or URL' }), '/a.jpg');
    const step = within(builder).getByRole('group', { name: 'Step 1' });
    await user.selectOptions(within(step).getByRole('combobox', { name: 'Add parameter to Step 1' }), 'Height');
    await fill(user, within(step).getByLabelText('Height'), '200');
    await user.selectOptions(within(step).getByRole('combobox', { name: 'Add parameter to Step 1' }), 'Width');
    await fill(user, within(step).getByLabelText('Width'), '200');

    await waitFor(() => expect(host.drafts.at(-1)).toEqual({ src: '/a.jpg', transformation: [{ height: '200', width: '200' }], transformationPosition: 'path', signed: false }));
    expect(await within(builder).findByRole('status', { name: 'Preview details' })).toHaveTextContent('200 × 200 px · 2.0 KB · WEBP · rendered in 12 ms');
    expect(within(builder).getByRole('img', { name: 'Preview' })).toHaveAttribute('src', `${ENDPOINT}/tr:height-200,width-200/a.jpg`);
    expect(within(builder).getByRole('img', { name: 'Original' })).toHaveAttribute('src', `${ENDPOINT}/a.jpg`);
  });

  it('flags an invalid value at the field at once, naming the rule', async () => {
    const host = scriptedHost(() => ({}));
    const { user } = renderBuilder(host);
    const builder = await screen.findByRole('region', { name: 'URL builder' });
    const step = within(builder).getByRole('group', { name: 'Step 1' });
    await user.selectOptions(within(step).getByRole('combobox', { name: 'Add parameter to Step 1' }), 'Quality');
    const quality = within(step).getByLabelText('Quality');
    await fill(user, quality, '500');
    expect(quality).toHaveAttribute('aria-invalid', 'true');
    expect(quality).toHaveAccessibleDescription(/from 1 to 100/);
  });

  it('adds, duplicates, reorders and removes chained steps', async () => {
    const host = scriptedHost(() => ({}));
    const { user } = renderBuilder(host);
    const builder = await screen.findByRole('region', { name: 'URL builder' });
    await fill(user, within(builder).getByRole('textbox', { name: 'Path or URL' }), '/a.jpg');
    const first = within(builder).getByRole('group', { name: 'Step 1' });
    await user.selectOptions(within(first).getByRole('combobox', { name: 'Add parameter to Step 1' }), 'Rotate');
    await fill(user, within(first).getByLabelText('Rotate'), '90');
    await user.click(within(builder).getByRole('button', { name: 'Add step' }));
    const second = within(builder).getByRole('group', { name: 'Step 2' });
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Add parameter to Step 2' }), 'Width');
    await fill(user, within(second).getByLabelText('Width'), '300');
    await waitFor(() => expect(host.drafts.at(-1)?.transformation).toEqual([{ rotation: '90' }, { width: '300' }]));

    await user.click(within(builder).getByRole('button', { name: 'Move Step 2 up' }));
    await waitFor(() => expect(host.drafts.at(-1)?.transformation).toEqual([{ width: '300' }, { rotation: '90' }]));
    await user.click(within(builder).getByRole('button', { name: 'Duplicate Step 2' }));
    await waitFor(() => expect(host.drafts.at(-1)?.transformation).toEqual([{ width: '300' }, { rotation: '90' }, { rotation: '90' }]));
    await user.click(within(builder).getByRole('button', { name: 'Remove Step 1' }));
    await waitFor(() => expect(host.drafts.at(-1)?.transformation).toEqual([{ rotation: '90' }, { rotation: '90' }]));
  });

  it('edits a text overlay with its own nested step', async () => {
    const host = scriptedHost(() => ({}));
    const { user } = renderBuilder(host);
    const builder = await screen.findByRole('region', { name: 'URL builder' });
    await fill(user, within(builder).getByRole('textbox', { name: 'Path or URL' }), '/a.jpg');
    await user.click(within(builder).getByRole('button', { name: 'Add text overlay' }));
    const overlay = within(builder).getByRole('group', { name: 'Step 1 text overlay' });
    await fill(user, within(overlay).getByLabelText('Overlay text'), 'Hi');
    await fill(user, within(overlay).getByLabelText('Layer X'), 'N10');
    const layerStep = within(overlay).getByRole('group', { name: 'Step 1 layer step 1' });
    await fill(user, within(layerStep).getByLabelText('Font size'), '40');
    await waitFor(() =>
      expect(host.drafts.at(-1)?.transformation).toEqual([{ overlay: { type: 'text', text: 'Hi', position: { x: 'N10' }, transformation: [{ fontSize: '40' }] } }]),
    );
  });

  it('checks a signed URL before copying it and shows the outcome beside it', async () => {
    const host = scriptedHost(() => ({ width: 10, height: 10 }));
    const { user } = renderBuilder(host);
    const builder = await screen.findByRole('region', { name: 'URL builder' });
    await fill(user, within(builder).getByRole('textbox', { name: 'Path or URL' }), '/p.jpg');
    await user.click(within(builder).getByRole('checkbox', { name: 'Signed URL' }));
    await waitFor(() => expect(within(builder).getByRole('textbox', { name: 'URL' })).toHaveValue(`${ENDPOINT}/p.jpg?ik-s=abc`));
    await user.click(within(builder).getByRole('button', { name: 'Copy URL' }));
    expect(await within(builder).findByRole('status', { name: 'Signed URL check' })).toHaveTextContent('Served (HTTP 200)');
    expect(host.checks).toEqual([`${ENDPOINT}/p.jpg?ik-s=abc`]);
    // user-event installs a clipboard for the test; what the button wrote is readable there.
    expect(await navigator.clipboard.readText()).toBe(`${ENDPOINT}/p.jpg?ik-s=abc`);
    expect(within(builder).getByRole('status', { name: 'Copy result' })).toHaveTextContent('Copied URL.');
  });

  it('fills itself in from a pasted URL, then saves the steps as a preset and applies it to another file', async () => {
    const host = scriptedHost(() => ({}));
    const { user } = renderBuilder(host);
    const builder = await screen.findByRole('region', { name: 'URL builder' });
    await fill(user, within(builder).getByRole('textbox', { name: 'ImageKit URL' }), `${ENDPOINT}/tr:h-120:e-grayscale/pasted.jpg?v=3`);
    await user.click(within(builder).getByRole('button', { name: 'Fill in from URL' }));
    expect(await within(builder).findByRole('status', { name: 'Paste result' })).toHaveTextContent('building it gives the same URL');
    expect(within(builder).getByRole('textbox', { name: 'Path or URL' })).toHaveValue('/pasted.jpg');
    expect(within(within(builder).getByRole('group', { name: 'Step 1' })).getByLabelText('Height')).toHaveValue('120');
    expect(within(within(builder).getByRole('group', { name: 'Step 2' })).getByLabelText('Grayscale')).toBeChecked();
    expect(within(builder).getByRole('textbox', { name: 'Query parameter 1 value' })).toHaveValue('3');

    await fill(user, within(builder).getByRole('textbox', { name: 'Preset name' }), 'Grey thumb');
    await user.click(within(builder).getByRole('button', { name: 'Save as preset' }));
    expect(await within(builder).findByRole('status', { name: 'Presets status' })).toHaveTextContent('Saved preset “Grey thumb”.');

    await user.click(within(within(builder).getByRole('group', { name: 'Step 2' })).getByRole('button', { name: 'Remove Step 2' }));
    await user.clear(within(builder).getByRole('textbox', { name: 'Path or URL' }));
    await fill(user, within(builder).getByRole('textbox', { name: 'Path or URL' }), '/other.jpg');
    await user.click(within(builder).getByRole('button', { name: 'Apply preset' }));
    await waitFor(() =>
      expect(host.drafts.at(-1)).toEqual({
        src: '/other.jpg',
        transformation: [{ height: '120' }, { grayscale: true }],
        transformationPosition: 'path',
        signed: false,
        queryParameters: { v: '3' },
      }),
    );
  });
});
