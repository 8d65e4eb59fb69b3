import { realpath } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import type { BaseWindow, Dialog, OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { directoryPicker } from '../../adapters/save-dialog';
import { createHandlers } from '../../services/app/handlers';
import { createRouter, type Handlers } from '../../../shared/ipc/router';
import { GrantedPaths } from '../../services/security/granted-paths';
import { useTempDirs } from '../helpers/temp-dir';

vi.mock('electron', () => import('../helpers/electron-mock'));

function fakeDialog(answer: OpenDialogReturnValue) {
  return { showOpenDialog: vi.fn(async (..._args: [BaseWindow, OpenDialogOptions] | [OpenDialogOptions]) => answer) };
}
const asDialog = (d: ReturnType<typeof fakeDialog>) => d as unknown as Pick<Dialog, 'showOpenDialog'>;
const window = (destroyed = false) => ({ isDestroyed: () => destroyed }) as unknown as BaseWindow;

describe('folder dialog for saving originals', () => {
  it('asks for one folder (new ones allowed), modal to the window, starting in Downloads', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/home/me/Pictures'] });
    const parent = window();
    const pick = directoryPicker(asDialog(dialog), () => parent, () => '/home/me/Downloads');
    await expect(pick()).resolves.toBe('/home/me/Pictures');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(parent, expect.objectContaining({
      properties: ['openDirectory', 'createDirectory'],
      defaultPath: '/home/me/Downloads',
    }));
  });

  it('answers null when cancelled, and opens unparented when no window is open', async () => {
    const dialog = fakeDialog({ canceled: true, filePaths: [] });
    await expect(directoryPicker(asDialog(dialog), () => null)()).resolves.toBeNull();
    await expect(directoryPicker(asDialog(dialog), () => window(true))()).resolves.toBeNull();
    for (const call of dialog.showOpenDialog.mock.calls) {
      expect(call).toHaveLength(1);
      expect(call[0]).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
    }
  });
});

describe('app.pickDirectory channel', () => {
  const tempDir = useTempDirs();
  const route = (pickDirectory?: () => Promise<string | null>, grants = new GrantedPaths()) => {
    const handlers = createHandlers({ profiles: {} as never, monitor: {} as never, info: () => ({}) as never, grants, pickDirectory });
    return createRouter(handlers as Handlers, { validateOutput: true, log: () => undefined });
  };

  it('gives the picked folder, or null when the person cancelled (Electron)', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/data/out'] });
    const electron = route(directoryPicker(asDialog(dialog), () => null));
    await expect(electron.dispatch('app.pickDirectory', undefined, { transport: 'electron' })).resolves.toEqual({ ok: true, data: { directory: '/data/out' } });
    const cancelled = route(directoryPicker(asDialog(fakeDialog({ canceled: true, filePaths: [] })), () => null));
    await expect(cancelled.dispatch('app.pickDirectory', null, { transport: 'electron' })).resolves.toEqual({ ok: true, data: { directory: null } });
  });

  it("grants saving into the folder the dialog produced, and into no other", async () => {
    const chosen = await tempDir();
    const other = await tempDir();
    const grants = new GrantedPaths();
    const electron = route(directoryPicker(asDialog(fakeDialog({ canceled: false, filePaths: [chosen] })), () => null), grants);
    await expect(grants.writableDirectory(chosen)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(electron.dispatch('app.pickDirectory', undefined, { transport: 'electron' })).resolves.toEqual({ ok: true, data: { directory: chosen } });
    await expect(grants.writableDirectory(chosen)).resolves.toBe(await realpath(chosen));
    await expect(grants.writableDirectory(other)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it('is refused where no folder dialog exists (web host), so the renderer downloads in the browser', async () => {
    const result = await route().dispatch('app.pickDirectory', undefined, { transport: 'web' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/browser downloads/) } });
  });
});
