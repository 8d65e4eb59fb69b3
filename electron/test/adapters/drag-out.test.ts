import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NativeImage } from 'electron';
import { ELECTRON_DRAG_OUT_CHANNEL } from '../../../shared/ipc/wire';
import { createDragOut } from '../../adapters/drag-out';
import { createRouter } from '../../../shared/ipc/router';
import { EventHub } from '../../services/app/event-hub';
import { startLibraryHarness, type LibraryHarness } from '../library/harness';
import { appWindowContents, frame, type FakeWebContents } from '../helpers/fake-web-contents';

vi.mock('electron', () => import('../helpers/electron-mock'));
const { ipcMain } = await import('../helpers/electron-mock');
const { registerElectronIpc } = await import('../../ipc/electron-ipc-adapter');

/**
 * Native drag-out against the real library area and the real emulator: the originals land in a temp
 * folder through `library.saveOriginals`, then webContents.startDrag gets those files. Electron
 * itself (nativeImage, startDrag, ipcMain) is the stand-in.
 */
let h: LibraryHarness;
let files: { fileId: string; filePath: string }[];

beforeAll(async () => {
  h = await startLibraryHarness();
  files = [await h.upload('/drag', 'one.png'), await h.upload('/drag', 'two.png')];
});
afterAll(async () => {
  await h.close();
});

type Drag = { file: string; files: string[]; icon: unknown };
const MISSING = 'aaaaaaaaaaaaaaaaaaaaaaaa';

function fakeImage(empty: boolean) {
  const resized = { resized: true } as unknown as NativeImage;
  return { isEmpty: () => empty, resize: vi.fn(() => resized), resized } as unknown as NativeImage & { resize: ReturnType<typeof vi.fn>; resized: NativeImage };
}

function setup(options: { imageIsEmpty?: boolean } = {}) {
  const contents = Object.assign(appWindowContents(), { startDrag: vi.fn<(item: Drag) => void>() });
  const image = fakeImage(options.imageIsEmpty ?? false);
  const osIcon = { osIcon: true } as unknown as NativeImage;
  const log = vi.fn();
  const saves: Promise<{ succeeded: string[] }>[] = [];
  const dragOut = createDragOut({
    nativeImage: { createFromPath: vi.fn(() => image) },
    fileIcon: vi.fn(async () => osIcon),
    saveOriginals: (request) => {
      const saved = h.data('library.saveOriginals', request);
      saves.push(saved);
      return saved;
    },
    allowSaveInto: (directory) => h.grants.grantWrite(directory),
    tempRoot: h.root,
    log,
  });
  return { contents, image, osIcon, log, saves, dragOut };
}

describe('drag-out adapter', () => {
  it('downloads the originals into a temp folder, then starts the native drag with them', async () => {
    const { contents, image, dragOut } = setup();
    await dragOut.start(contents as never, { fileIds: files.map((f) => f.fileId) });
    expect(contents.startDrag).toHaveBeenCalledOnce();
    const item = contents.startDrag.mock.calls[0]![0];
    expect(item.files.map((f) => path.basename(f))).toEqual(['one.png', 'two.png']);
    expect(item.file).toBe(item.files[0]);
    const dir = path.dirname(item.file);
    expect(path.basename(dir)).toMatch(/^mediadesk-drag-/);
    // The very bytes of the original (a PNG), not an empty placeholder.
    expect((await readFile(item.file)).subarray(1, 4).toString()).toBe('PNG');
    expect(item.icon).toBe(image.resized);
    expect(image.resize).toHaveBeenCalledWith({ width: 64 });

    await dragOut.close();
    await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('uses the OS icon for files that are no picture, and drags what it could save when some fail', async () => {
    const { contents, osIcon, log, dragOut } = setup({ imageIsEmpty: true });
    await dragOut.start(contents as never, { fileIds: [MISSING, files[1]!.fileId] });
    const item = contents.startDrag.mock.calls[0]![0];
    expect(item.files.map((f) => path.basename(f))).toEqual(['two.png']);
    expect(item.icon).toBe(osIcon);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`^could not drag out ${MISSING}: `)));
    await dragOut.close();
  });

  it('does not start a drag when nothing could be saved, or when the window closed meanwhile', async () => {
    const { contents, saves, dragOut } = setup();
    await dragOut.start(contents as never, { fileIds: [MISSING] });
    expect((await saves[0]).succeeded).toEqual([]);

    const pending = dragOut.start(contents as never, { fileIds: [files[0]!.fileId] });
    contents.destroyed = true; // closed while the original downloads
    await pending;
    expect((await saves[1]).succeeded).toHaveLength(1);
    expect(contents.startDrag).not.toHaveBeenCalled();
    await dragOut.close();
  });

  it('ignores malformed requests without downloading anything', async () => {
    const { contents, log, saves, dragOut } = setup();
    for (const bad of [{ fileIds: [] }, 'one.png', { fileIds: ['x'], profileId: '' }, { fileIds: Array(101).fill('x') }]) {
      await dragOut.start(contents as never, bad);
    }
    expect(log.mock.calls.map(([m]) => String(m).split(':')[0])).toEqual(Array(4).fill('ignored a malformed drag-out request'));
    expect(saves).toEqual([]);
    expect(contents.startDrag).not.toHaveBeenCalled();
  });
});

describe('drag-out over IPC', () => {
  it('passes requests of the trusted window main frame on, and refuses other windows and subframes', () => {
    ipcMain.handlers.clear();
    ipcMain.listeners.clear();
    const win = appWindowContents();
    const dragOut = vi.fn();
    const log = vi.fn();
    const unregister = registerElectronIpc({
      router: createRouter({}, { validateOutput: true, log: () => undefined }),
      events: new EventHub(true),
      trustedContents: () => win.asWebContents(),
      log,
      dragOut,
    });
    const send = (sender: FakeWebContents, senderFrame = sender.mainFrame) =>
      ipcMain.emit(ELECTRON_DRAG_OUT_CHANNEL, { sender, senderFrame }, { fileIds: ['f1'] });
    send(win);
    send(appWindowContents());
    send(win, frame('app://renderer/index.html', win.mainFrame));
    expect(dragOut.mock.calls).toEqual([[win, { fileIds: ['f1'] }]]);
    expect(log.mock.calls.map(([m]) => m)).toEqual(Array(2).fill('refused a drag-out from app://renderer/index.html'));

    unregister();
    send(win);
    expect(dragOut).toHaveBeenCalledOnce();
  });
});
